/** Every entity of the gateway store. A new entity is added here and gets a migration in
 * `migrations/` (the schema is never synchronised from entities). */
import { ConsentEvent } from './consent-event.entity';
import { DataMapSnapshot } from './data-map-snapshot.entity';
import { PolicySnapshot } from './policy-snapshot.entity';
import { SourceSchemaCache } from './source-schema-cache.entity';
import { RightsRequest } from './rights-request.entity';
import { RequestTask } from './request-task.entity';
import { RequestEvent } from './request-event.entity';
import { LegalHoldRecord } from './legal-hold.entity';
import { ExportPackage } from './export-package.entity';
import { AuditEventRecord } from './audit-event.entity';

export const storeEntities = [
  DataMapSnapshot,
  SourceSchemaCache,
  ConsentEvent,
  PolicySnapshot,
  RightsRequest,
  RequestTask,
  RequestEvent,
  LegalHoldRecord,
  ExportPackage,
  AuditEventRecord,
];

export {
  AuditEventRecord,
  ConsentEvent,
  DataMapSnapshot,
  ExportPackage,
  LegalHoldRecord,
  PolicySnapshot,
  RequestEvent,
  RequestTask,
  RightsRequest,
  SourceSchemaCache,
};

/** Every entity of the gateway store. A new entity is added here and gets a migration in
 * `migrations/` (the schema is never synchronised from entities). */
import { ConsentEvent } from './consent-event.entity';
import { DataMapSnapshot } from './data-map-snapshot.entity';
import { PolicySnapshot } from './policy-snapshot.entity';
import { SourceSchemaCache } from './source-schema-cache.entity';

export const storeEntities = [DataMapSnapshot, SourceSchemaCache, ConsentEvent, PolicySnapshot];

export { ConsentEvent, DataMapSnapshot, PolicySnapshot, SourceSchemaCache };

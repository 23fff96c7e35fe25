import { registerEnumType } from 'type-graphql';
import type { AuditKind } from '../../core/audit/audit-event';

/** What an audit event records (src/core/audit/audit-event.ts). Values are the store's. */
export enum CatalogAuditKind {
  READ = 'read',
  REIDENTIFY = 'reidentify',
  WRITE = 'write',
  REQUEST = 'request',
  POLICY = 'policy',
  DATAMAP = 'datamap',
}

registerEnumType(CatalogAuditKind, {
  name: 'CatalogAuditKind',
  description: 'What an audit event records (SPEC §7).',
  valuesConfig: {
    READ: { description: 'An operation read personal data: one event per data subject.' },
    REIDENTIFY: { description: 'Tokens were reversed to their values.' },
    WRITE: { description: 'An erasure or correction changed a source (row counts).' },
    REQUEST: { description: 'A rights request moved (created, approved, completed…).' },
    POLICY: { description: 'A policy version was loaded for the first time.' },
    DATAMAP: { description: 'A data-map version was loaded for the first time.' },
  },
});

export const CATALOG_AUDIT_KIND: Readonly<Record<AuditKind, CatalogAuditKind>> = {
  read: CatalogAuditKind.READ,
  reidentify: CatalogAuditKind.REIDENTIFY,
  write: CatalogAuditKind.WRITE,
  request: CatalogAuditKind.REQUEST,
  policy: CatalogAuditKind.POLICY,
  datamap: CatalogAuditKind.DATAMAP,
};

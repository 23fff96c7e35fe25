/** The gateway store's public API. Entities are not exported: they stay behind these functions. */
export { createStoreDataSource, StoreDataSource } from './store-data-source';
export type { StoreDataSourceOptions } from './store-data-source';
export { openStore } from './open-store';
export type { Store } from './open-store';
export { recordDataMapSnapshot } from './data-map-snapshots';
export type { DataMapSnapshotInput, RecordedSnapshot } from './data-map-snapshots';
export { loadSourceDescriptions, saveSourceDescriptions } from './source-descriptions';
export { pingStore } from './ping-store';
export type { StoreHealth } from './ping-store';
export { STORE_SCHEMA } from './store-schema';
export { loadConsentStates, recordConsentEvents } from './consents';
export type { ConsentEventInput, ConsentState } from './consents';
export { recordPolicySnapshot } from './policy-snapshots';
export type { PolicySnapshotInput } from './policy-snapshots';
export {
  appendRequestEvent,
  getRequest,
  insertRequest,
  listRequestEvents,
  listRequests,
  transitionRequest,
} from './rights-requests';
export type {
  NewRequest,
  RequestChanges,
  RequestEventRecord,
  RequestQuery,
  RequestRecord,
} from './rights-requests';
export {
  claimTask,
  completeTask,
  enqueueTasks,
  failTask,
  listTasks,
  listTasksOf,
  renewLease,
  retryFailedTasks,
} from './request-tasks';
export type { TaskRecord, TaskSpec } from './request-tasks';
export { activeLegalHolds, listLegalHolds, placeLegalHold, releaseLegalHold } from './legal-holds';
export type { LegalHoldRecord, NewLegalHold } from './legal-holds';
export { loadExportPackage, purgeExpiredPackages, saveExportPackage } from './export-packages';
export type { StoredPackage } from './export-packages';
export { listConsentEvents } from './consent-history';
export type { ConsentHistoryEvent } from './consent-history';
export {
  appendAuditEvents,
  auditHead,
  differingAuditColumn,
  queryAuditEvents,
  readAuditChain,
} from './audit-events';
export type {
  AuditColumns,
  AuditQuery,
  ChainHead,
  StoredAuditEvent,
  StoredChainEvent,
} from './audit-events';

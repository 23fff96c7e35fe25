/**
 * The audit trail (SPEC §7, STYLE.md `audit/`): the group-commit writer, the checkpoint file
 * outside the database, and the verifier. The chain itself is pure (src/core/audit).
 */
export { createAuditWriter } from './audit-writer';
export type { AuditWriter } from './audit-writer';
export { checkpointFile } from './checkpoint-file';
export type { CheckpointSink } from './checkpoint-file';
export { verifyAuditLog } from './verify-audit-log';
export type { AuditVerification } from './verify-audit-log';

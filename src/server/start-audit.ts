/**
 * The audit trail of one gateway process (SPEC §7): its chain and checkpoint keys, derived
 * from the deployment's hash key (kept outside the store, like every key), the group-commit
 * writer, and the checkpoint file outside the database. Also records a `policy` / `datamap`
 * event when this start brought a version the store had not seen.
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { AuditEventContent } from '../core/audit/audit-event';
import { deriveSealKey } from '../core/crypto/seal';
import type { AuditWriter, CheckpointSink } from '../audit';
import { checkpointFile, createAuditWriter } from '../audit';

export interface RunningAudit {
  readonly writer: AuditWriter;
  readonly chainKey: Buffer;
  readonly checkpoints: CheckpointSink;
}

export function auditKeys(hashKey: Buffer): { chainKey: Buffer; checkpointKey: Buffer } {
  return {
    chainKey: deriveSealKey(hashKey, 'audit-chain'),
    checkpointKey: deriveSealKey(hashKey, 'audit-checkpoint'),
  };
}

export function startAudit(
  store: DataSource,
  hashKey: Buffer,
  options: { checkpointFile?: string; dataDir: string },
): RunningAudit {
  const { chainKey, checkpointKey } = auditKeys(hashKey);
  const checkpoints = checkpointFile(
    path.resolve(options.checkpointFile ?? path.join(options.dataDir, 'audit-checkpoints.jsonl')),
    checkpointKey,
  );
  return { writer: createAuditWriter(store, chainKey, checkpoints), chainKey, checkpoints };
}

/** The event of a newly loaded policy or data map version. */
export function versionEvent(
  kind: 'policy' | 'datamap',
  version: string,
  sourceFile: string,
): AuditEventContent {
  return {
    kind,
    at: new Date().toISOString(),
    actor: `privgraph@${process.pid}`,
    subjectKeys: [],
    coordinates: [],
    ...(kind === 'policy' ? { policyVersion: version } : { dataMapVersion: version }),
    detail: { sourceFile },
  };
}

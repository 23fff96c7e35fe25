/**
 * Verifies the whole audit trail (SPEC §7: "a verify query/command detects any edited,
 * removed, inserted, reordered or truncated event"): the chain page by page from the lowest
 * position (a row below 1 is a forgery too), each verified event's query columns against its
 * content, then every authentic checkpoint outside the database against it — a checkpoint
 * past the log's end means the tail was cut; one whose link differs means history was
 * rewritten.
 */
import type { DataSource } from 'typeorm';
import type { BrokenLink } from '../core/audit/audit-chain';
import { GENESIS, verifyChain } from '../core/audit/audit-chain';
import { differingAuditColumn, readAuditChain } from '../store';
import type { CheckpointSink } from './checkpoint-file';

export interface AuditVerification {
  readonly ok: boolean;
  readonly events: number;
  readonly head: { readonly position: number; readonly hash: string };
  readonly checkpoints: {
    readonly checked: number;
    readonly rejected: number;
    readonly latest?: number;
  };
  readonly broken?: BrokenLink;
}

const PAGE = 1000;

export async function verifyAuditLog(
  store: DataSource,
  chainKey: Buffer,
  checkpoints?: CheckpointSink,
): Promise<AuditVerification> {
  const signed = checkpoints ? await checkpoints.read() : { checkpoints: [], rejected: 0 };
  const wanted = new Map(signed.checkpoints.map((c) => [c.position, c.hash]));
  const seen = new Map<number, string>();
  let last = { position: 0, hash: GENESIS };
  let events = 0;
  let broken: BrokenLink | undefined;
  for (let after: number | null = null; ; after = last.position) {
    const page = await readAuditChain(store, after, PAGE);
    if (page.length === 0) break;
    const check = verifyChain(chainKey, page, last);
    for (const event of page.slice(0, check.checked)) {
      const column = differingAuditColumn(event);
      if (column) {
        broken = {
          position: event.position,
          problem: 'edited',
          detail: `event ${event.position}'s ${column} column differs from its content (which the MAC covers); the audit queries filter on that column`,
        };
        break;
      }
      if (wanted.has(event.position)) seen.set(event.position, event.hash);
      last = { position: event.position, hash: event.hash };
      events += 1;
    }
    if (broken) break;
    if (check.broken) {
      broken = check.broken;
      break;
    }
  }
  const latest = signed.checkpoints.reduce((max, c) => Math.max(max, c.position), 0);
  if (!broken) {
    for (const checkpoint of [...signed.checkpoints].sort((a, b) => a.position - b.position)) {
      if (checkpoint.position > last.position) {
        broken = {
          position: last.position + 1,
          problem: 'truncated',
          detail: `the log ends at ${last.position}, but a checkpoint signed at ${checkpoint.at} saw event ${checkpoint.position}`,
        };
        break;
      }
      if (seen.get(checkpoint.position) !== checkpoint.hash) {
        broken = {
          position: checkpoint.position,
          problem: 'edited',
          detail: `event ${checkpoint.position}'s link differs from the checkpoint signed at ${checkpoint.at}: history was rewritten`,
        };
        break;
      }
    }
  }
  return {
    ok: broken === undefined,
    events,
    head: last,
    checkpoints: {
      checked: signed.checkpoints.length,
      rejected: signed.rejected,
      ...(latest > 0 ? { latest } : {}),
    },
    ...(broken ? { broken } : {}),
  };
}

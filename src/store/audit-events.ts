/**
 * The audit trail in the gateway store (SPEC §7): appended in batches (group commit) under
 * an advisory lock, so several gateway processes extend one chain without forking it; read
 * back by position for verification and by subject, actor, purpose and time for review.
 */
import type { DataSource } from 'typeorm';
import { chainEvents, GENESIS } from '../core/audit/audit-chain';
import type { AuditEventContent, ChainedEvent } from '../core/audit/audit-event';
import { STORE_SCHEMA } from './store-schema';

const T = `${STORE_SCHEMA}.audit_events`;
const LOCK = 'privgraph:audit-chain';

export interface ChainHead {
  readonly position: number;
  readonly hash: string;
}

/**
 * Appends `contents` in order after the current head, in one transaction that holds the
 * chain's lock: one statement for the whole batch. Returns the new head.
 */
export async function appendAuditEvents(
  ds: DataSource,
  key: Buffer,
  contents: readonly AuditEventContent[],
): Promise<ChainHead> {
  return ds.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK]);
    const rows: { position: string; hash: string }[] = await manager.query(
      `SELECT position, hash FROM ${T} ORDER BY position DESC LIMIT 1`,
    );
    const last = rows[0]
      ? { position: Number(rows[0].position), hash: rows[0].hash }
      : { position: 0, hash: GENESIS };
    if (contents.length === 0) return last;
    const chained = chainEvents(key, last, contents);
    await manager.query(
      `INSERT INTO ${T} (position, at, kind, actor, role, purpose, subject_keys, request_id, content, prev_hash, hash)
       SELECT t.position, t.at, t.kind, t.actor, t.role, t.purpose,
              ARRAY(SELECT jsonb_array_elements_text(t.subject_keys)), t.request_id, t.content, t.prev_hash, t.hash
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::jsonb[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS t(position, at, kind, actor, role, purpose, subject_keys, request_id, content, prev_hash, hash)`,
      [
        chained.map((e) => e.position),
        contents.map((c) => c.at),
        contents.map((c) => c.kind),
        contents.map((c) => c.actor),
        contents.map((c) => c.role ?? null),
        contents.map((c) => c.purpose ?? null),
        contents.map((c) => JSON.stringify(c.subjectKeys)),
        contents.map((c) => c.requestId ?? null),
        chained.map((e) => e.content),
        chained.map((e) => e.prevHash),
        chained.map((e) => e.hash),
      ],
    );
    const head = chained[chained.length - 1] as ChainedEvent;
    return { position: head.position, hash: head.hash };
  });
}

export async function auditHead(ds: DataSource): Promise<ChainHead> {
  const rows: { position: string; hash: string }[] = await ds.query(
    `SELECT position, hash FROM ${T} ORDER BY position DESC LIMIT 1`,
  );
  return rows[0]
    ? { position: Number(rows[0].position), hash: rows[0].hash }
    : { position: 0, hash: GENESIS };
}

/**
 * The columns the audit queries filter on (`queryAuditEvents`): copies of the content's
 * fields, outside the MAC — so verification checks them against the content they came from.
 */
export interface AuditColumns {
  readonly at: Date;
  readonly kind: string;
  readonly actor: string;
  readonly role: string | null;
  readonly purpose: string | null;
  readonly subjectKeys: readonly string[];
  readonly requestId: string | null;
}

export interface StoredChainEvent extends ChainedEvent {
  readonly columns: AuditColumns;
}

/**
 * Events after `afterPosition` in position order (verification pages through the log);
 * `null` reads from the lowest position there is — a row below 1, which no writer makes, is
 * a forgery that verification must see, since the audit queries would return it.
 */
export async function readAuditChain(
  ds: DataSource,
  afterPosition: number | null,
  limit: number,
): Promise<StoredChainEvent[]> {
  const rows: {
    position: string;
    content: string;
    prev_hash: string;
    hash: string;
    at: Date;
    kind: string;
    actor: string;
    role: string | null;
    purpose: string | null;
    subject_keys: string[];
    request_id: string | null;
  }[] = await ds.query(
    `SELECT position, content, prev_hash, hash, at, kind, actor, role, purpose, subject_keys, request_id
       FROM ${T} ${afterPosition === null ? '' : 'WHERE position > $2'} ORDER BY position LIMIT $1`,
    afterPosition === null ? [limit] : [limit, afterPosition],
  );
  return rows.map((r) => ({
    position: Number(r.position),
    content: r.content,
    prevHash: r.prev_hash,
    hash: r.hash,
    columns: {
      at: r.at,
      kind: r.kind,
      actor: r.actor,
      role: r.role,
      purpose: r.purpose,
      subjectKeys: r.subject_keys,
      requestId: r.request_id,
    },
  }));
}

/**
 * The first column of `event` that is not what `appendAuditEvents` derived from its content,
 * or undefined when all agree. An edited column escapes the MAC but changes what the audit
 * queries answer (an emptied `subject_keys` hides the event from its data subject). For
 * events whose MAC verified: their content is the canonical JSON a writer made.
 */
export function differingAuditColumn(event: StoredChainEvent): keyof AuditColumns | undefined {
  const content = JSON.parse(event.content) as AuditEventContent;
  const { columns } = event;
  const expected: Omit<AuditColumns, 'at' | 'subjectKeys'> = {
    kind: content.kind,
    actor: content.actor,
    role: content.role ?? null,
    purpose: content.purpose ?? null,
    requestId: content.requestId ?? null,
  };
  if (new Date(columns.at).getTime() !== Date.parse(content.at)) return 'at';
  for (const name of ['kind', 'actor', 'role', 'purpose', 'requestId'] as const)
    if (columns[name] !== expected[name]) return name;
  const keys = content.subjectKeys;
  if (
    columns.subjectKeys.length !== keys.length ||
    columns.subjectKeys.some((key, i) => key !== keys[i])
  )
    return 'subjectKeys';
  return undefined;
}

export interface AuditQuery {
  readonly subjectKeys?: readonly string[];
  readonly actor?: string;
  readonly purpose?: string;
  readonly kinds?: readonly string[];
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  /** Newest first; the page starts before this position (keyset pagination). */
  readonly beforePosition?: number;
}

export interface StoredAuditEvent {
  readonly position: number;
  readonly content: AuditEventContent;
}

/** Events matching every given filter, newest first. */
export async function queryAuditEvents(
  ds: DataSource,
  query: AuditQuery,
): Promise<StoredAuditEvent[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.subjectKeys) add((p) => `subject_keys && ${p}::text[]`, [...query.subjectKeys]);
  if (query.actor !== undefined) add((p) => `actor = ${p}`, query.actor);
  if (query.purpose !== undefined) add((p) => `purpose = ${p}`, query.purpose);
  if (query.kinds) add((p) => `kind = ANY(${p}::text[])`, [...query.kinds]);
  if (query.from) add((p) => `at >= ${p}`, query.from.toISOString());
  if (query.to) add((p) => `at < ${p}`, query.to.toISOString());
  if (query.beforePosition !== undefined) add((p) => `position < ${p}`, query.beforePosition);
  params.push(query.limit);
  const rows: { position: string; content: string }[] = await ds.query(
    `SELECT position, content FROM ${T} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY position DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    position: Number(r.position),
    content: JSON.parse(r.content) as AuditEventContent,
  }));
}

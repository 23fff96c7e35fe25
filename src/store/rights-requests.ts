/**
 * Rights requests in the gateway store (SPEC §6): create, read, list overdue-first, move
 * through the lifecycle with a guarded transition (only from the statuses a step expects, so
 * two workers or two DPOs never both "complete" or "approve" the same request).
 */
import type { DataSource } from 'typeorm';
import type { RequestKind, RequestStatus } from '../core/requests/model';
import { STORE_SCHEMA } from './store-schema';

export interface RequestRecord {
  readonly id: string;
  readonly kind: RequestKind;
  readonly status: RequestStatus;
  readonly subjectKeys: readonly string[];
  readonly payloadEnc: Buffer;
  readonly details: Readonly<Record<string, unknown>>;
  readonly identityVerification: string;
  readonly requestedBy: string;
  readonly requestedRole: string;
  readonly receivedAt: Date;
  readonly dueDate: string;
  readonly planEnc: Buffer | null;
  readonly planSummary: Readonly<Record<string, unknown>> | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly decisionNote: string | null;
  readonly result: Readonly<Record<string, unknown>> | null;
  readonly reply: string | null;
  readonly packageHash: string | null;
  readonly completedAt: Date | null;
  readonly updatedAt: Date;
}

export interface NewRequest {
  readonly id: string;
  readonly kind: RequestKind;
  readonly status: RequestStatus;
  readonly subjectKeys: readonly string[];
  readonly payloadEnc: Buffer;
  readonly details: Readonly<Record<string, unknown>>;
  readonly identityVerification: string;
  readonly requestedBy: string;
  readonly requestedRole: string;
  readonly receivedAt: Date;
  readonly dueDate: string;
}

/** Fields a transition may set (column names are fixed here, never taken from input). */
export interface RequestChanges {
  readonly status?: RequestStatus;
  readonly subjectKeys?: readonly string[];
  readonly planEnc?: Buffer | null;
  readonly planSummary?: Readonly<Record<string, unknown>> | null;
  readonly decidedBy?: string;
  readonly decidedAt?: Date;
  readonly decisionNote?: string | null;
  readonly result?: Readonly<Record<string, unknown>> | null;
  readonly reply?: string | null;
  readonly packageHash?: string | null;
  readonly completedAt?: Date | null;
}

const COLUMNS: Record<keyof RequestChanges, string> = {
  status: 'status',
  subjectKeys: 'subject_keys',
  planEnc: 'plan_enc',
  planSummary: 'plan_summary',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  decisionNote: 'decision_note',
  result: 'result',
  reply: 'reply',
  packageHash: 'package_hash',
  completedAt: 'completed_at',
};

const T = `${STORE_SCHEMA}.rights_requests`;

export async function insertRequest(ds: DataSource, request: NewRequest): Promise<RequestRecord> {
  const rows: RawRequest[] = await ds.query(
    `INSERT INTO ${T} (id, kind, status, subject_keys, payload_enc, details, identity_verification,
       requested_by, requested_role, received_at, due_date)
     VALUES ($1, $2, $3, $4::text[], $5, $6::jsonb, $7, $8, $9, $10, $11) RETURNING *`,
    [
      request.id,
      request.kind,
      request.status,
      [...request.subjectKeys],
      request.payloadEnc,
      JSON.stringify(request.details),
      request.identityVerification,
      request.requestedBy,
      request.requestedRole,
      request.receivedAt.toISOString(),
      request.dueDate,
    ],
  );
  return toRecord(rows[0] as RawRequest);
}

export async function getRequest(ds: DataSource, id: string): Promise<RequestRecord | null> {
  const rows: RawRequest[] = await ds.query(`SELECT * FROM ${T} WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Applies `changes` when the request is in one of `from` (any status when absent); returns
 * the updated request, or null when it was not in one of them (someone else moved it first).
 */
export async function transitionRequest(
  ds: DataSource,
  id: string,
  changes: RequestChanges,
  from?: readonly RequestStatus[],
): Promise<RequestRecord | null> {
  const sets: string[] = ['updated_at = now()'];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(changes) as [keyof RequestChanges, unknown][]) {
    if (value === undefined) continue;
    params.push(encode(key, value));
    const cast =
      key === 'planSummary' || key === 'result'
        ? '::jsonb'
        : key === 'subjectKeys'
          ? '::text[]'
          : '';
    sets.push(`${COLUMNS[key]} = $${params.length}${cast}`);
  }
  let guard = '';
  if (from) {
    params.push([...from]);
    guard = ` AND status = ANY($${params.length}::text[])`;
  }
  const rows: [RawRequest[], number] | RawRequest[] = await ds.query(
    `UPDATE ${T} SET ${sets.join(', ')} WHERE id = $1${guard} RETURNING *`,
    params,
  );
  const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as RawRequest[];
  return updated[0] ? toRecord(updated[0]) : null;
}

export interface RequestQuery {
  readonly statuses?: readonly RequestStatus[];
  readonly kinds?: readonly RequestKind[];
  /** Requests about any of these subject keys. */
  readonly subjectKeys?: readonly string[];
  /** Today's date (YYYY-MM-DD) in the calendar's time zone: what "overdue" is measured by. */
  readonly today: string;
  readonly limit: number;
  readonly offset: number;
}

/** Open requests past their due date first (most overdue first), then by due date. */
export async function listRequests(ds: DataSource, query: RequestQuery): Promise<RequestRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [query.today, query.limit, query.offset];
  if (query.statuses) {
    params.push([...query.statuses]);
    where.push(`status = ANY($${params.length}::text[])`);
  }
  if (query.kinds) {
    params.push([...query.kinds]);
    where.push(`kind = ANY($${params.length}::text[])`);
  }
  if (query.subjectKeys) {
    params.push([...query.subjectKeys]);
    where.push(`subject_keys && $${params.length}::text[]`);
  }
  const rows: RawRequest[] = await ds.query(
    `SELECT * FROM ${T} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY (status NOT IN ('completed', 'rejected') AND due_date < $1::date) DESC,
              due_date ASC, received_at ASC, id ASC
     LIMIT $2 OFFSET $3`,
    params,
  );
  return rows.map(toRecord);
}

export async function appendRequestEvent(
  ds: DataSource,
  event: {
    readonly requestId: string;
    readonly taskId?: string;
    readonly event: string;
    readonly actor: string;
    readonly detail?: Readonly<Record<string, unknown>>;
  },
): Promise<void> {
  await ds.query(
    `INSERT INTO ${STORE_SCHEMA}.request_events (request_id, task_id, event, actor, detail)
     VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [
      event.requestId,
      event.taskId ?? null,
      event.event,
      event.actor,
      JSON.stringify(event.detail ?? {}),
    ],
  );
}

export interface RequestEventRecord {
  readonly seq: number;
  readonly taskId: string | null;
  readonly event: string;
  readonly actor: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

export async function listRequestEvents(
  ds: DataSource,
  requestId: string,
): Promise<RequestEventRecord[]> {
  const rows: {
    seq: string;
    task_id: string | null;
    event: string;
    actor: string;
    detail: Record<string, unknown>;
    at: Date;
  }[] = await ds.query(
    `SELECT seq, task_id, event, actor, detail, at FROM ${STORE_SCHEMA}.request_events
     WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    taskId: r.task_id,
    event: r.event,
    actor: r.actor,
    detail: r.detail,
    at: new Date(r.at),
  }));
}

function encode(key: keyof RequestChanges, value: unknown): unknown {
  if (value === null) return null;
  if (key === 'planSummary' || key === 'result') return JSON.stringify(value);
  if (key === 'subjectKeys') return [...(value as string[])];
  if (value instanceof Date) return value.toISOString();
  return value;
}

interface RawRequest {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  subject_keys: string[];
  payload_enc: Buffer;
  details: Record<string, unknown>;
  identity_verification: string;
  requested_by: string;
  requested_role: string;
  received_at: Date;
  due_date: string | Date;
  plan_enc: Buffer | null;
  plan_summary: Record<string, unknown> | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  result: Record<string, unknown> | null;
  reply: string | null;
  package_hash: string | null;
  completed_at: Date | null;
  updated_at: Date;
}

function toRecord(r: RawRequest): RequestRecord {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    subjectKeys: r.subject_keys,
    payloadEnc: r.payload_enc,
    details: r.details,
    identityVerification: r.identity_verification,
    requestedBy: r.requested_by,
    requestedRole: r.requested_role,
    receivedAt: new Date(r.received_at),
    dueDate: dateText(r.due_date),
    planEnc: r.plan_enc,
    planSummary: r.plan_summary,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    decisionNote: r.decision_note,
    result: r.result,
    reply: r.reply,
    packageHash: r.package_hash,
    completedAt: r.completed_at ? new Date(r.completed_at) : null,
    updatedAt: new Date(r.updated_at),
  };
}

/** `date` columns: node-postgres parses them as local-midnight Dates; keep the calendar day. */
function dateText(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

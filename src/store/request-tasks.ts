/**
 * Durable jobs of rights requests (SPEC §6 "durable jobs in the gateway's own PostgreSQL",
 * issue #5 item 7): the task table itself is the queue. A worker claims one runnable task in
 * one statement (`FOR UPDATE SKIP LOCKED`), holds it under a lease it renews, and completes
 * it only while it still holds the claim — so several gateway processes share the work, no
 * task runs in two places at once, and none is completed twice. A worker that dies loses
 * its lease; the task becomes claimable again when the lease runs out.
 *
 * Why not pg-boss: docs/decisions.md ("Durable jobs").
 */
import type { DataSource } from 'typeorm';
import type { TaskStatus } from '../core/requests/model';
import { STORE_SCHEMA } from './store-schema';

export interface TaskRecord {
  readonly id: string;
  readonly requestId: string;
  readonly kind: string;
  readonly system: string;
  readonly status: TaskStatus;
  readonly attempts: number;
  readonly claimedBy: string | null;
  readonly leaseUntil: Date | null;
  readonly lastError: string | null;
  readonly result: Readonly<Record<string, unknown>> | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface TaskSpec {
  readonly kind: string;
  readonly system?: string;
}

const T = `${STORE_SCHEMA}.request_tasks`;
const E = `${STORE_SCHEMA}.request_events`;

/** Adds tasks; a task that exists already (same request, kind, system) is left as it is. */
export async function enqueueTasks(
  ds: DataSource,
  requestId: string,
  tasks: readonly TaskSpec[],
  /** Who may run them: the data map version the request was made with. */
  queue: string,
): Promise<void> {
  if (tasks.length === 0) return;
  await ds.query(
    `INSERT INTO ${T} (request_id, kind, system, queue)
     SELECT $1, kind, system, $4 FROM unnest($2::text[], $3::text[]) AS t(kind, system)
     ON CONFLICT ON CONSTRAINT request_tasks_once DO NOTHING`,
    [requestId, tasks.map((t) => t.kind), tasks.map((t) => t.system ?? ''), queue],
  );
}

/**
 * Claims the oldest runnable task of `queue` — pending and due, or running under a lease that
 * ran out (its worker died) — for `worker` until now + `leaseMs`. One statement, so it holds no
 * transaction open (PGlite: never wait on another connection inside one).
 */
export async function claimTask(
  ds: DataSource,
  worker: string,
  leaseMs: number,
  queue: string,
  kinds?: readonly string[],
): Promise<TaskRecord | null> {
  const rows: [RawTask[], number] = await ds.query(
    `UPDATE ${T} SET status = 'running', claimed_by = $1,
        lease_until = now() + ($2::int * interval '1 millisecond'),
        attempts = attempts + 1, started_at = coalesce(started_at, now())
      WHERE id = (
        SELECT id FROM ${T}
         WHERE queue = $4
           AND ((status = 'pending' AND not_before <= now())
            OR (status = 'running' AND lease_until < now()))
           AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
         ORDER BY created_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [worker, Math.round(leaseMs), kinds ? [...kinds] : null, queue],
  );
  const claimed = rows[0][0];
  if (!claimed) return null;
  await ds.query(
    `INSERT INTO ${E} (request_id, task_id, event, actor, detail) VALUES ($1, $2, 'task_claimed', $3, $4::jsonb)`,
    [
      claimed.request_id,
      claimed.id,
      worker,
      JSON.stringify({ kind: claimed.kind, system: claimed.system, attempt: claimed.attempts }),
    ],
  );
  return toTask(claimed);
}

/** Extends the lease while the worker still holds the task; false when it lost it. */
export async function renewLease(
  ds: DataSource,
  taskId: string,
  worker: string,
  leaseMs: number,
): Promise<boolean> {
  const [, count]: [unknown, number] = await ds.query(
    `UPDATE ${T} SET lease_until = now() + ($3::int * interval '1 millisecond')
      WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
    [taskId, worker, Math.round(leaseMs)],
  );
  return count === 1;
}

/**
 * Marks the task done — only if `worker` still holds it — and records `task_done` in the
 * same statement, so the history shows exactly one completion per task.
 */
export async function completeTask(
  ds: DataSource,
  taskId: string,
  worker: string,
  result: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const rows: { id: string }[] = await ds.query(
    `WITH done AS (
       UPDATE ${T} SET status = 'done', finished_at = now(), lease_until = NULL, last_error = NULL,
              result = $3::jsonb
        WHERE id = $1 AND claimed_by = $2 AND status = 'running'
        RETURNING id, request_id, kind, system)
     INSERT INTO ${E} (request_id, task_id, event, actor, detail)
     SELECT request_id, id, 'task_done', $2, jsonb_build_object('kind', kind, 'system', system) || $3::jsonb
       FROM done
     RETURNING task_id AS id`,
    [taskId, worker, JSON.stringify(result)],
  );
  return rows.length === 1;
}

/**
 * Records a failure. With `retryAt` the task goes back to pending and becomes claimable at
 * that time; without, it stays `failed` until a retry is asked for.
 */
export async function failTask(
  ds: DataSource,
  taskId: string,
  worker: string,
  error: string,
  retryAt: Date | null,
): Promise<boolean> {
  const rows: { id: string }[] = await ds.query(
    `WITH failed AS (
       UPDATE ${T} SET status = $4, lease_until = NULL, last_error = $3,
              not_before = coalesce($5::timestamptz, not_before), finished_at = CASE WHEN $4 = 'failed' THEN now() END
        WHERE id = $1 AND claimed_by = $2 AND status = 'running'
        RETURNING id, request_id, kind, system)
     INSERT INTO ${E} (request_id, task_id, event, actor, detail)
     SELECT request_id, id, 'task_failed', $2,
            jsonb_build_object('kind', kind, 'system', system, 'error', $3::text, 'retryAt', $5::text)
       FROM failed
     RETURNING task_id AS id`,
    [taskId, worker, error, retryAt ? 'pending' : 'failed', retryAt ? retryAt.toISOString() : null],
  );
  return rows.length === 1;
}

/** Failed tasks of a request back to pending (a DPO's retry); returns how many. */
export async function retryFailedTasks(ds: DataSource, requestId: string): Promise<number> {
  const [, count]: [unknown, number] = await ds.query(
    `UPDATE ${T} SET status = 'pending', not_before = now(), finished_at = NULL
      WHERE request_id = $1 AND (status = 'failed' OR (status = 'pending' AND last_error IS NOT NULL))`,
    [requestId],
  );
  return count;
}

export async function listTasks(ds: DataSource, requestId: string): Promise<TaskRecord[]> {
  const rows: RawTask[] = await ds.query(
    `SELECT * FROM ${T} WHERE request_id = $1 ORDER BY created_at, kind, system`,
    [requestId],
  );
  return rows.map(toTask);
}

/** Tasks of many requests in one statement (the control plane's loader). */
export async function listTasksOf(
  ds: DataSource,
  requestIds: readonly string[],
): Promise<Map<string, TaskRecord[]>> {
  const rows: RawTask[] = requestIds.length
    ? await ds.query(
        `SELECT * FROM ${T} WHERE request_id = ANY($1::uuid[]) ORDER BY created_at, kind, system`,
        [[...requestIds]],
      )
    : [];
  const byRequest = new Map<string, TaskRecord[]>(requestIds.map((id) => [id, []]));
  for (const row of rows) byRequest.get(row.request_id)?.push(toTask(row));
  return byRequest;
}

interface RawTask {
  id: string;
  request_id: string;
  kind: string;
  system: string;
  status: TaskStatus;
  attempts: number;
  claimed_by: string | null;
  lease_until: Date | null;
  last_error: string | null;
  result: Record<string, unknown> | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

function toTask(r: RawTask): TaskRecord {
  return {
    id: r.id,
    requestId: r.request_id,
    kind: r.kind,
    system: r.system,
    status: r.status,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    leaseUntil: r.lease_until ? new Date(r.lease_until) : null,
    lastError: r.last_error,
    result: r.result,
    createdAt: new Date(r.created_at),
    startedAt: r.started_at ? new Date(r.started_at) : null,
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  };
}

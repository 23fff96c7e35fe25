/**
 * Moves a request on after one of its tasks finished or failed (SPEC §6): a source that
 * failed makes the request PARTIAL, naming the system — as `unavailable` (an outage: its task
 * is retried, then waits for a DPO's retry) or as `refused` (its constraints refused a write:
 * not retried, the task waits for a DPO who fixes the cause and retries); when every source
 * task is done, verification is queued. Safe to call from
 * several workers at once: the task is unique per request and the transitions are guarded.
 */
import { isConstraintRefusal } from '../sources/source-constraint-error';
import type { TaskRecord } from '../store';
import { enqueueTasks, getRequest, listTasks, transitionRequest } from '../store';
import type { AuditedBy } from './audit-request';
import { auditRequest, listed } from './audit-request';
import type { RequestsRuntime } from './requests-runtime';

export const SOURCE_TASK_KINDS: readonly string[] = ['erase', 'correct'];

/** `by`: the worker whose task finished, or the caller who retried. */
export async function advanceRequest(
  rt: RequestsRuntime,
  requestId: string,
  by: AuditedBy,
): Promise<void> {
  const request = await getRequest(rt.store, requestId);
  if (!request || !['in_progress', 'partial'].includes(request.status)) return;
  const tasks = await listTasks(rt.store, requestId);
  const troubled = tasks.filter(isTroubled);
  if (troubled.length > 0) {
    const refusedTasks = troubled.filter((t) => isConstraintRefusal(t.lastError));
    const refused = refusedTasks.map((t) => t.system || t.kind);
    const unavailable = troubled
      .filter((t) => !refusedTasks.includes(t))
      .map((t) => t.system || t.kind);
    const moved = await transitionRequest(
      rt.store,
      requestId,
      {
        status: 'partial',
        result: {
          ...(request.result ?? {}),
          unavailable,
          refused,
          errors: troubled.map((t) => ({ task: t.kind, system: t.system, error: t.lastError })),
        },
      },
      ['in_progress', 'partial'],
    );
    // one event when the request becomes partial, not one per failed attempt after that
    if (moved && request.status !== 'partial')
      await auditRequest(rt, moved, by, {
        kind: 'request',
        event: 'partial',
        detail: { unavailable: listed(unavailable), refused: listed(refused) },
      });
    return;
  }
  const sourceTasks = tasks.filter((t) => SOURCE_TASK_KINDS.includes(t.kind));
  if (
    sourceTasks.length > 0 &&
    sourceTasks.every((t) => t.status === 'done') &&
    !tasks.some((t) => t.kind === 'verify')
  )
    await enqueueTasks(rt.store, requestId, [{ kind: 'verify' }], rt.map.contentHash);
  // A request left partial by its verification (rows still there after every task ran) stays
  // partial: only troubled tasks, now gone, resume it.
  const verified = tasks.some((t) => t.kind === 'verify' && t.status === 'done');
  if (request.status === 'partial' && !verified) {
    const resumed = await transitionRequest(rt.store, requestId, { status: 'in_progress' }, [
      'partial',
    ]);
    if (resumed) await auditRequest(rt, resumed, by, { kind: 'request', event: 'resumed' });
  }
}

/** Failed for good, or waiting for a retry after an error. */
export function isTroubled(task: TaskRecord): boolean {
  return task.status === 'failed' || (task.status === 'pending' && task.lastError !== null);
}

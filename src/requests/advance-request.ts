/**
 * Moves a request on after one of its tasks finished or failed (SPEC §6): a source that
 * failed makes the request PARTIAL, naming the system (its task is retried, or waits for a
 * DPO's retry); when every source task is done, verification is queued. Safe to call from
 * several workers at once: the task is unique per request and the transitions are guarded.
 */
import type { TaskRecord } from '../store';
import { enqueueTasks, getRequest, listTasks, transitionRequest } from '../store';
import type { RequestsRuntime } from './requests-runtime';

export const SOURCE_TASK_KINDS: readonly string[] = ['erase', 'correct'];

export async function advanceRequest(rt: RequestsRuntime, requestId: string): Promise<void> {
  const request = await getRequest(rt.store, requestId);
  if (!request || !['in_progress', 'partial'].includes(request.status)) return;
  const tasks = await listTasks(rt.store, requestId);
  const troubled = tasks.filter(isTroubled);
  if (troubled.length > 0) {
    await transitionRequest(
      rt.store,
      requestId,
      {
        status: 'partial',
        result: {
          ...(request.result ?? {}),
          unavailable: troubled.map((t) => t.system || t.kind),
          errors: troubled.map((t) => ({ task: t.kind, system: t.system, error: t.lastError })),
        },
      },
      ['in_progress', 'partial'],
    );
    return;
  }
  const sourceTasks = tasks.filter((t) => SOURCE_TASK_KINDS.includes(t.kind));
  if (
    sourceTasks.length > 0 &&
    sourceTasks.every((t) => t.status === 'done') &&
    !tasks.some((t) => t.kind === 'verify')
  )
    await enqueueTasks(rt.store, requestId, [{ kind: 'verify' }], rt.map.contentHash);
  if (request.status === 'partial')
    await transitionRequest(rt.store, requestId, { status: 'in_progress' }, ['partial']);
}

/** Failed for good, or waiting for a retry after an error. */
export function isTroubled(task: TaskRecord): boolean {
  return task.status === 'failed' || (task.status === 'pending' && task.lastError !== null);
}

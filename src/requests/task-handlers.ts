/**
 * What each kind of task does (the worker dispatches on `request_tasks.kind`):
 * - `erase` / `correct`: one source's steps of the persisted plan, in one transaction.
 * Export and verification handlers join here as they are built (issue #5 notes).
 */
import { runSourceTask } from './erase-task';
import type { TaskHandler } from './request-worker';

export const REQUEST_TASK_HANDLERS: Readonly<Record<string, TaskHandler>> = {
  erase: runSourceTask,
  correct: runSourceTask,
};

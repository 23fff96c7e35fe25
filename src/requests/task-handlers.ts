/**
 * What each kind of task does (the worker dispatches on `request_tasks.kind`):
 * - `export`: an access request's package;
 * - `erase` / `correct`: one source's steps of the persisted plan, in one transaction;
 * - `verify`: the check that completes an erasure, a closure or a correction.
 */
import { runExportTask } from './access-request';
import { runSourceTask } from './erase-task';
import type { TaskHandler } from './request-worker';
import { runVerifyTask } from './verify-task';

export const REQUEST_TASK_HANDLERS: Readonly<Record<string, TaskHandler>> = {
  export: runExportTask,
  erase: runSourceTask,
  correct: runSourceTask,
  verify: runVerifyTask,
};

import type { TaskHandler } from './request-worker';

export const REQUEST_TASK_HANDLERS: Readonly<Record<string, TaskHandler>> = {};

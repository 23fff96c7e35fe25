import { registerEnumType } from 'type-graphql';
import type { TaskStatus } from '../../core/requests/model';

export enum CatalogTaskStatus {
  PENDING = 'pending',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
}

registerEnumType(CatalogTaskStatus, {
  name: 'CatalogTaskStatus',
  description: "A request's work in one source (a durable task).",
  valuesConfig: {
    PENDING: { description: 'Waiting to be claimed (or to be retried at a later time).' },
    RUNNING: { description: 'Claimed by a worker under a lease.' },
    DONE: { description: 'Completed, exactly once.' },
    FAILED: { description: 'Gave up after its attempts; waits for `retryRequest`.' },
  },
});

export const CATALOG_TASK_STATUS: Readonly<Record<TaskStatus, CatalogTaskStatus>> = {
  pending: CatalogTaskStatus.PENDING,
  running: CatalogTaskStatus.RUNNING,
  done: CatalogTaskStatus.DONE,
  failed: CatalogTaskStatus.FAILED,
};

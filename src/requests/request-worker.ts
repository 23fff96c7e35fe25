/**
 * The worker that runs requests' tasks (SPEC §6 durable jobs): claims one task at a time
 * from the store's task table, renews its lease while it works, completes it only while it
 * still holds it, and moves the request on. Any number of workers — in one gateway or in
 * several — share the table; a worker killed mid-task leaves the task to be claimed again
 * when its lease runs out, and every effect is idempotent, so running it again is safe.
 */
import { randomUUID } from 'node:crypto';
import { SourceConstraintError } from '../sources/source-constraint-error';
import type { TaskRecord } from '../store';
import { claimTask, completeTask, failTask, renewLease } from '../store';
import { advanceRequest } from './advance-request';
import type { RequestsRuntime } from './requests-runtime';

/** Throws when the worker may no longer hold the task (its lease could have run out): a
 * handler calls it before committing an effect. Pure in-memory check — no store access, so
 * it is safe inside a source's open transaction. */
export type LeaseCheck = () => void | Promise<void>;

/** Where a worker can be observed (and, in crash tests, stopped dead): right after it
 * claimed a task, inside a source's open transaction just before it commits, and after the
 * task's effects are committed but before the task is marked done. */
export type WorkerPoint = 'claimed' | 'before-commit' | 'after-effects';

export type TaskHandler = (
  rt: RequestsRuntime,
  task: TaskRecord,
  leaseCheck: LeaseCheck,
) => Promise<Record<string, unknown>>;

export interface WorkerOptions {
  readonly workerId?: string;
  /** Idle wait between polls of the task table. */
  readonly pollMs?: number;
  readonly leaseMs?: number;
  /** Attempts before a failing task waits for a human's retry. */
  readonly maxAttempts?: number;
  /** First retry delay; doubled per attempt. */
  readonly retryDelayMs?: number;
  /** Called at each `WorkerPoint` (crash tests pause the process here and kill it). */
  readonly onPoint?: (point: WorkerPoint, task: TaskRecord) => void | Promise<void>;
}

export interface RequestWorker {
  readonly id: string;
  /** Claims and runs one task; false when there was none. */
  runOnce(): Promise<boolean>;
  /** Runs until no task is runnable (tests, the CLI). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

export function createRequestWorker(
  rt: RequestsRuntime,
  handlers: Readonly<Record<string, TaskHandler>>,
  options: WorkerOptions = {},
): RequestWorker {
  const id = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  const kinds = Object.keys(handlers);

  async function run(task: TaskRecord): Promise<void> {
    let validUntil = Date.now() + leaseMs * 0.8;
    let lost = false;
    const renew = setInterval(() => {
      const asked = Date.now();
      renewLease(rt.store, task.id, id, leaseMs).then(
        (held) => {
          if (held) validUntil = asked + leaseMs * 0.8;
          else lost = true;
        },
        () => undefined,
      );
    }, leaseMs / 3);
    const leaseCheck: LeaseCheck = async () => {
      if (lost || Date.now() > validUntil)
        throw new LeaseLostError(`worker ${id} no longer holds task ${task.id}`);
      await options.onPoint?.('before-commit', task);
    };
    try {
      const handler = handlers[task.kind];
      if (!handler) throw new Error(`no handler for task kind "${task.kind}"`);
      await options.onPoint?.('claimed', task);
      const result = await handler(rt, task, leaseCheck);
      await options.onPoint?.('after-effects', task);
      clearInterval(renew);
      if (!(await completeTask(rt.store, task.id, id, result)))
        rt.log(`requests: task ${task.id} was taken over before ${id} completed it`);
    } catch (error) {
      clearInterval(renew);
      const message = error instanceof Error ? error.message : String(error);
      // a refusal by the source's constraints fails the same way every time: retrying it as
      // an outage only delays the person who must fix it (docs/requests.md)
      const retryAt =
        task.attempts < maxAttempts && !(error instanceof SourceConstraintError)
          ? new Date(Date.now() + retryDelayMs * 2 ** (task.attempts - 1))
          : null;
      await failTask(rt.store, task.id, id, message, retryAt);
      rt.log(
        `requests: task ${task.kind}${task.system ? ` (${task.system})` : ''} of ${task.requestId} failed: ${message}`,
      );
    } finally {
      clearInterval(renew);
    }
    await advanceRequest(rt, task.requestId, { subject: id });
  }

  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const worker: RequestWorker = {
    id,
    async runOnce() {
      const task = await claimTask(rt.store, id, leaseMs, rt.map.contentHash, kinds);
      if (!task) return false;
      await run(task);
      return true;
    },
    async drain() {
      let count = 0;
      while (!stopped && (await worker.runOnce())) count += 1;
      return count;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };

  if (options.pollMs !== undefined) {
    const pollMs = options.pollMs;
    const loop = (): void => {
      if (stopped) return;
      current = worker
        .drain()
        .catch((error: Error) => rt.log(`requests: worker ${id}: ${error.message}`))
        .finally(() => {
          if (!stopped) timer = setTimeout(loop, pollMs);
        });
    };
    timer = setTimeout(loop, 0);
  }
  return worker;
}

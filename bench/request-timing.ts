/**
 * Where a rights request's time goes, without touching the service: the worker runs the
 * service's own task handlers, each wrapped in a stopwatch (what is left of the worker's
 * time is its own bookkeeping in the store — claim, lease, completion, moving the request
 * on); and the statements this process sends, from the `pg` driver's counter (target-ipc.ts),
 * split into the gateway store's (schema `privgraph`) and the sources'.
 */
import { performance } from 'node:perf_hooks';
import type { TaskHandler } from '../src/requests/request-worker';
import { REQUEST_TASK_HANDLERS } from '../src/requests';
import { STORE_SCHEMA } from '../src/store';
import { statementsSent } from './target-ipc';

/** Milliseconds spent in each kind of task since the last `clear()`, by kind (`erase`) and
 * by kind and system (`erase analytics`). */
export type TaskTimes = Map<string, number>;

export function timedTaskHandlers(times: TaskTimes): Readonly<Record<string, TaskHandler>> {
  return Object.fromEntries(
    Object.entries(REQUEST_TASK_HANDLERS).map(([kind, handler]): [string, TaskHandler] => [
      kind,
      async (rt, task, leaseCheck) => {
        const started = performance.now();
        try {
          return await handler(rt, task, leaseCheck);
        } finally {
          const ms = performance.now() - started;
          times.set(kind, (times.get(kind) ?? 0) + ms);
          if (task.system) times.set(`${kind} ${task.system}`, ms);
        }
      },
    ]),
  );
}

export interface StatementCount {
  readonly store: number;
  readonly sources: number;
}

const STORE_TABLE = new RegExp(`\\b"?${STORE_SCHEMA}"?\\.`);

/** Statements sent by this process so far (countStatements must be installed). */
export function statementCount(): StatementCount {
  const { total, texts } = statementsSent();
  let store = 0;
  for (const [text, count] of texts) if (STORE_TABLE.test(text)) store += count;
  return { store, sources: total - store };
}

export function statementsBetween(before: StatementCount, after: StatementCount): StatementCount {
  return { store: after.store - before.store, sources: after.sources - before.sources };
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/** Nearest-rank percentiles, rounded to 0.1 ms. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  const rank = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
  return {
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    mean: round(mean),
    max: round(sorted.at(-1) ?? 0),
  };
}

export const now = (): number => performance.now();

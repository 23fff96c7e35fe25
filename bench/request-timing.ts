/**
 * Where a rights request's time goes, without touching the service: the worker runs the
 * service's own task handlers, each wrapped in a stopwatch (what is left of the worker's
 * time is its own bookkeeping in the store — claim, lease, completion, moving the request
 * on); and the statements this process sends, counted at the `pg` driver, split into the
 * gateway store's and the sources'.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { TaskHandler } from '../src/requests/request-worker';
import { REQUEST_TASK_HANDLERS } from '../src/requests';
import { STORE_SCHEMA } from '../src/store';

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
const counted = { store: 0, sources: 0 };
let counting = false;

/**
 * Counts every statement this process sends at the `pg` driver (`Client.prototype.query`,
 * where `Pool.query` and TypeORM both end), by side: a connection that has named the
 * store's schema belongs to the store's pool — with it, its transactions' BEGIN, COMMIT and
 * locks (the audit trail's group commit) — and every other connection to a source's. The
 * store and the sources share one database here, so the text of each statement is all
 * that tells them apart. Install before any pool is created; installing twice counts once.
 */
export function countStatementsBySide(): void {
  if (counting) return;
  counting = true;
  const storeConnections = new WeakSet<object>();
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function countedBySide(this: object, ...args: unknown[]): unknown {
    const first = args[0];
    const text =
      typeof first === 'string' ? first : String((first as { text?: unknown } | undefined)?.text);
    if (STORE_TABLE.test(text)) storeConnections.add(this);
    if (storeConnections.has(this)) counted.store += 1;
    else counted.sources += 1;
    return original.apply(this, args);
  };
}

/** Statements sent by this process so far. */
export function statementCount(): StatementCount {
  return { ...counted };
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

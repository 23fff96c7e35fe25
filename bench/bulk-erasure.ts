/**
 * SPEC §9's bulk erasure: many people erased at once, with verification, by W workers — each
 * a gateway replica's worker in its own process — sharing the store's task table. The
 * people are planned first (one `requestErasure` after another, as a DPO's client would send
 * them) and approved, both timed on their own; then the workers drain the queue: every
 * source's `erase` task and every `verify` of every request. Throughput is people completed
 * per second of that drain.
 */
import type { RequestsRuntime } from '../src/requests';
import { approveRequest, requestErasure } from '../src/requests';
import { STORE_SCHEMA } from '../src/store';
import { withCost } from './phase-cost';
import { BENCH_ACTOR, subjectByPhone } from './request-latency';
import { now } from './request-timing';
import { startRequestWorkers } from './request-workers';
import type { TargetProcess } from './target-process';

export interface RateFigures {
  readonly people: number;
  readonly seconds: number;
  readonly perSecond: number;
}

export interface BulkFigures {
  readonly workers: number;
  readonly people: number;
  /** requestErasure one after another: traversal, other owners, holds, plan, sealed. */
  readonly planning: RateFigures & { readonly refused: number };
  readonly approval: RateFigures;
  /** The workers' drain: people completed per second. */
  readonly drain: RateFigures & { readonly tasksPerWorker: readonly number[] };
  /** Requests by status after the drain (all `completed` when nothing went wrong). */
  readonly statuses: Readonly<Record<string, number>>;
  /** CPU per person completed during the drain, ms: the workers, PostgreSQL, the HTTP services. */
  readonly cpuMsPerPerson: {
    readonly workers: number;
    readonly postgres: number | null;
    readonly services: number;
  };
  readonly statementsPerPerson: number;
  readonly machineBusy: number | null;
}

const rate = (people: number, ms: number): RateFigures => ({
  people,
  seconds: Math.round(ms / 10) / 100,
  perSecond: ms > 0 ? Math.round((people / ms) * 10_000) / 10 : 0,
});

async function statusesOf(rt: RequestsRuntime, ids: readonly string[]) {
  const rows: { status: string; count: number }[] = await rt.store.query(
    `SELECT status, count(*)::int AS count FROM ${STORE_SCHEMA}.rights_requests
      WHERE id = ANY($1::uuid[]) GROUP BY status`,
    [[...ids]],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

export async function measureBulkErasure(
  rt: RequestsRuntime,
  copy: { url: string; env: Readonly<Record<string, string>> },
  services: readonly TargetProcess[],
  workerCount: number,
  phones: readonly string[],
  log: (line: string) => void,
): Promise<BulkFigures> {
  const t0 = now();
  const planned: string[] = [];
  for (const phone of phones) {
    const request = await requestErasure(rt, BENCH_ACTOR, subjectByPhone(phone));
    if (request.status === 'awaiting_approval') planned.push(request.id);
  }
  const t1 = now();
  for (const id of planned) await approveRequest(rt, BENCH_ACTOR, id);
  const t2 = now();
  log(
    `planned ${planned.length} of ${phones.length} erasures in ${((t1 - t0) / 1000).toFixed(1)} s, approved them in ${((t2 - t1) / 1000).toFixed(1)} s; ${workerCount} worker process(es) drain`,
  );

  const workers = await startRequestWorkers(workerCount, copy.url, copy.env);
  try {
    const { result, cost } = await withCost(
      copy.url,
      services,
      async () => {
        const drained = await workers.drain();
        return { drained, statuses: await statusesOf(rt, planned) };
      },
      ({ statuses }) => statuses.completed ?? 0,
    );
    const { drained, statuses } = result;
    const completed = statuses.completed ?? 0;
    const per = (value: number) => Math.round((value / Math.max(1, completed)) * 100) / 100;
    return {
      workers: workerCount,
      people: phones.length,
      planning: { ...rate(planned.length, t1 - t0), refused: phones.length - planned.length },
      approval: rate(planned.length, t2 - t1),
      drain: { ...rate(completed, drained.seconds * 1000), tasksPerWorker: drained.tasks },
      statuses,
      cpuMsPerPerson: {
        workers: per(drained.cpuMs),
        postgres: cost.cpuMsPerRequest.postgres,
        services: cost.cpuMsPerRequest.services,
      },
      statementsPerPerson: per(drained.statements),
      machineBusy: cost.machineBusy,
    };
  } finally {
    await workers.stop();
  }
}

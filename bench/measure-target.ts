/**
 * One measured run of one target: optionally a warm-up first (JIT, pools, PostgreSQL's
 * caches), then the run, with the target's statement count and CPU time read over IPC just
 * before and after, and the machine's CPU use over the same window.
 */
import type { LoadGenerator, LoadResult } from './load';
import { busyShare, cpuTimes } from './machine';
import { backendCpuMs, backendTicks } from './postgres-cpu';
import type { TargetStats } from './target-ipc';
import type { TargetProcess } from './target-process';

export interface TargetFigures extends LoadResult {
  readonly target: string;
  readonly round: number;
  /** Statements sent during the measured run (by the target, and by the demo's HTTP
   * services on its behalf) / requests sent in it. */
  readonly statementsPerRequest: number;
  /** CPU time of the target process per request, milliseconds. */
  readonly targetCpuMsPerRequest: number;
  /** CPU time of PostgreSQL's backends on the bench database per request, or null. */
  readonly postgresCpuMsPerRequest: number | null;
  /** CPU time of the demo's HTTP services per request (0 when there are none). */
  readonly serviceCpuMsPerRequest: number;
  /** CPU time of the load generator per request. */
  readonly loadCpuMsPerRequest: number;
  /** Share of all cores busy during the measured run (target, PostgreSQL, load, others). */
  readonly machineBusy: number | null;
  /** The run's start and end on the target's monotonic clock, microseconds. */
  readonly window: readonly [number, number];
}

const SETTLE_POLL_MS = 100;
const SETTLE_LIMIT_MS = 5000;

/** The target's stats once the requests still in flight when autocannon stopped have
 * finished (its statement count stops moving), so each window holds whole requests. */
async function settled(target: TargetProcess): Promise<TargetStats> {
  let last = await target.stats();
  for (let waited = 0; waited < SETTLE_LIMIT_MS; waited += SETTLE_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const next = await target.stats();
    if (next.statements === last.statements) return next;
    last = next;
  }
  return last;
}

export async function measureTarget(
  target: TargetProcess,
  load: LoadGenerator,
  options: {
    /** The database whose backends' CPU is read; null when they are not on this machine. */
    postgresUrl: string | null;
    services: readonly TargetProcess[];
    /** A gateway's token and purpose; the floor is sent the gateway's and ignores them. */
    headers: Readonly<Record<string, string>>;
    bodies: readonly string[];
    connections: number;
    /** 0: no warm-up (the target was warmed up in an earlier round). */
    warmupSeconds: number;
    durationSeconds: number;
    round: number;
  },
  log: (line: string) => void,
): Promise<TargetFigures> {
  const run = {
    url: target.url,
    headers: options.headers,
    bodies: options.bodies,
    connections: options.connections,
  };
  if (options.warmupSeconds > 0) {
    log(`${target.name}: warming up for ${options.warmupSeconds} s`);
    await load.run({ ...run, durationSeconds: options.warmupSeconds });
  }
  const before = await settled(target);
  const servicesBefore = await Promise.all(options.services.map((service) => service.stats()));
  const postgresBefore = options.postgresUrl ? await backendTicks(options.postgresUrl) : null;
  const cpuBefore = cpuTimes();
  log(
    `${target.name}: round ${options.round}, ${options.durationSeconds} s, ${options.connections} connections`,
  );
  const result = await load.run({ ...run, durationSeconds: options.durationSeconds });
  const cpuAfter = cpuTimes();
  const after = await settled(target);
  const servicesAfter = await Promise.all(options.services.map((service) => service.stats()));
  const postgresAfter = options.postgresUrl ? await backendTicks(options.postgresUrl) : null;
  const requests = Math.max(1, result.sent);
  const postgresMs = backendCpuMs(postgresBefore, postgresAfter);
  const delta = (key: 'statements' | 'cpuMicros') =>
    servicesAfter.reduce((n, stats, i) => n + stats[key] - (servicesBefore[i]?.[key] ?? 0), 0);
  return {
    target: target.name,
    round: options.round,
    ...result,
    statementsPerRequest: (after.statements - before.statements + delta('statements')) / requests,
    targetCpuMsPerRequest: (after.cpuMicros - before.cpuMicros) / 1000 / requests,
    postgresCpuMsPerRequest: postgresMs === null ? null : postgresMs / requests,
    serviceCpuMsPerRequest: delta('cpuMicros') / 1000 / requests,
    loadCpuMsPerRequest: result.loadCpuMicros / 1000 / requests,
    machineBusy: busyShare(cpuBefore, cpuAfter),
    window: [before.clockMicros, after.clockMicros],
  };
}

/**
 * Several short rounds instead of one long run, in alternating order (floor then gateway,
 * then gateway then floor…): on a shared two-core machine other work comes and goes, and a
 * drift that hits one target's only run would decide the ratio. The ratio is the median of
 * the per-round ratios (each round's two runs are back to back), the per-target figures the
 * median round; statement and CPU figures are totals over all rounds.
 */
import type { TargetFigures } from './measure-target';

export interface TargetSummary {
  readonly target: string;
  readonly rounds: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number };
  readonly completed: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly graphqlErrors: number;
  readonly statementsPerRequest: number;
  readonly targetCpuMsPerRequest: number;
  readonly postgresCpuMsPerRequest: number | null;
  readonly serviceCpuMsPerRequest: number;
  readonly loadCpuMsPerRequest: number;
  readonly machineBusy: number | null;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summariseTarget(runs: readonly TargetFigures[]): TargetSummary {
  const completed = runs.reduce((n, r) => n + r.completed, 0);
  const sent = runs.reduce((n, r) => n + r.sent, 0);
  const weighted = (value: (r: TargetFigures) => number) =>
    runs.reduce((n, r) => n + value(r) * r.sent, 0) / Math.max(1, sent);
  const busy = runs.map((r) => r.machineBusy).filter((b): b is number => b !== null);
  return {
    target: runs[0]?.target ?? '?',
    rounds: runs.length,
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    latencyMs: {
      p50: median(runs.map((r) => r.latencyMs.p50)),
      p99: median(runs.map((r) => r.latencyMs.p99)),
    },
    completed,
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    graphqlErrors: runs.reduce((n, r) => n + r.graphqlErrors, 0),
    statementsPerRequest: weighted((r) => r.statementsPerRequest),
    targetCpuMsPerRequest: weighted((r) => r.targetCpuMsPerRequest),
    postgresCpuMsPerRequest: runs.every((r) => r.postgresCpuMsPerRequest !== null)
      ? weighted((r) => r.postgresCpuMsPerRequest ?? 0)
      : null,
    serviceCpuMsPerRequest: weighted((r) => r.serviceCpuMsPerRequest),
    loadCpuMsPerRequest: weighted((r) => r.loadCpuMsPerRequest),
    machineBusy: busy.length > 0 ? busy.reduce((a, b) => a + b, 0) / busy.length : null,
  };
}

/** gateway ÷ floor throughput, round by round. */
export function roundRatios(
  gateway: readonly TargetFigures[],
  floor: readonly TargetFigures[],
): number[] {
  return gateway.map((run, i) => run.requestsPerSecond / (floor[i]?.requestsPerSecond ?? NaN));
}

/** CPU the sources spend per request: PostgreSQL and the demo's HTTP services. */
export function sourcesCpuPerRequest(summary: TargetSummary): number | null {
  if (summary.postgresCpuMsPerRequest === null) return null;
  return summary.postgresCpuMsPerRequest + summary.serviceCpuMsPerRequest;
}

/** Machine CPU one request costs (target + sources + load generator), or null when
 * PostgreSQL's share could not be read. */
export function cpuPerRequest(summary: TargetSummary): number | null {
  const sources = sourcesCpuPerRequest(summary);
  if (sources === null) return null;
  return summary.targetCpuMsPerRequest + sources + summary.loadCpuMsPerRequest;
}

/**
 * floor ÷ gateway machine CPU per request: what the throughput ratio comes to when the
 * machine is saturated by this work alone. CPU per request moves much less than
 * throughput when other work comes and goes on a shared machine, so it is the steadier of
 * the two figures; on a quiet machine they agree.
 */
export function cpuRatio(floor: TargetSummary, gateway: TargetSummary): number | null {
  const f = cpuPerRequest(floor);
  const g = cpuPerRequest(gateway);
  return f === null || g === null ? null : f / g;
}

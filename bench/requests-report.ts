/** The rights-request phase's lines on stdout, and its part of `bench/results/latest.json`. */
import type { BenchDatabase } from './bench-database';
import type { BulkFigures } from './bulk-erasure';
import type { MachineInfo } from './machine';
import type { PhaseCost } from './phase-cost';
import type { LatencyFigures } from './request-latency';
import type { Percentiles } from './request-timing';
import type { Revision } from './revision';

/** SPEC §9 (at 1M people; this phase runs on the bench's world, 100k by default). */
export const TARGET_ACCESS_P50_MS = 50;
export const TARGET_ERASURE_P50_MS = 150;
export const TARGET_BULK_PER_SECOND = 500;

export interface RequestsReport {
  readonly date: string;
  readonly revision: Revision;
  readonly machine: MachineInfo & { readonly backgroundBusy: number | null };
  readonly database: Omit<BenchDatabase, 'url' | 'close'>;
  readonly options: {
    readonly requestPeople: number;
    readonly warmupPeople: number;
    readonly bulkPeople: number;
    readonly bulkWorkers: readonly number[];
    readonly people: string;
    readonly audit: 'on' | 'off';
  };
  readonly access: LatencyFigures;
  readonly erasure: LatencyFigures & { readonly afterApprovalMs: Percentiles };
  readonly bulk: readonly BulkFigures[];
  readonly seconds: number;
}

const ms = (p: Percentiles) =>
  `p50 ${p.p50} ms, p95 ${p.p95}, p99 ${p.p99} (mean ${p.mean}, max ${p.max})`;
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

const share = (value: number | null) => (value === null ? '-' : `${Math.round(value * 100)} %`);

function costLine(cost: PhaseCost | null): string[] {
  if (!cost) return [];
  const { thisProcess, postgres, services } = cost.cpuMsPerRequest;
  return [
    `  CPU ms per request: service and worker ${thisProcess}, PostgreSQL ${postgres ?? '-'}, HTTP services ${services}; machine busy ${share(cost.machineBusy)}`,
  ];
}

function latencyLines(name: string, figures: LatencyFigures, target: number): string[] {
  const { latencyMs, stepsMs, statements, failures } = figures;
  return [
    `${name}: ${ms(latencyMs)} — SPEC §9 p50 < ${target} ms: ${met(latencyMs.p50 < target)}`,
    ...Object.entries(stepsMs).map(
      ([step, p]) =>
        `${step.includes(': ') ? '      ' : '  '}${step}: p50 ${p.p50} ms, p95 ${p.p95}`,
    ),
    `  ${figures.completed} of ${figures.people} completed; statements per request: ${statements.sources} to the sources, ${statements.store} to the store`,
    ...costLine(figures.cost),
    ...failures.slice(0, 5).map((failure) => `  FAILED ${failure}`),
  ];
}

function bulkLines(bulk: BulkFigures): string[] {
  const { planning, approval, drain, cpuMsPerPerson: cpu } = bulk;
  return [
    `bulk erasure, ${bulk.workers} worker process${bulk.workers === 1 ? '' : 'es'}: ${drain.perSecond} people/s (${drain.people} completed in ${drain.seconds} s; tasks per worker ${drain.tasksPerWorker.join(', ')}) — SPEC §9 ≥ ${TARGET_BULK_PER_SECOND}/s: ${met(drain.perSecond >= TARGET_BULK_PER_SECOND)}`,
    `  before it: planned ${planning.people} of ${bulk.people} at ${planning.perSecond}/s (${planning.seconds} s, one at a time), approved at ${approval.perSecond}/s (${approval.seconds} s)`,
    `  CPU ms per person: workers ${cpu.workers}, PostgreSQL ${cpu.postgres ?? '-'}, HTTP services ${cpu.services}; statements per person ${bulk.statementsPerPerson}; machine busy ${share(bulk.machineBusy)}; requests: ${Object.entries(
      bulk.statuses,
    )
      .map(([status, count]) => `${count} ${status}`)
      .join(', ')}`,
  ];
}

export function printRequestsReport(report: RequestsReport): void {
  const { machine, database, options } = report;
  const lines = [
    '',
    `privgraph bench, rights requests, ${report.date}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
    `code: ${report.revision.commit?.slice(0, 12) ?? 'unknown commit'}${report.revision.uncommittedFiles.length > 0 ? ` with ${report.revision.uncommittedFiles.length} uncommitted files in src/, seeds/, migrations/` : ''}`,
    `machine before the phase: load average ${machine.loadAverageAtStart}, ${share(machine.backgroundBusy)} busy with other work`,
    `${database.subjects} people in ${database.description}, erased on throwaway copies of it (SPEC §9 sets its targets at 1M people)`,
    `${options.requestPeople} people one at a time after ${options.warmupPeople} to warm up, then ${options.bulkPeople} at once: ${options.people}; audit trail ${options.audit}`,
    '',
    ...latencyLines('access export', report.access, TARGET_ACCESS_P50_MS),
    ...latencyLines('erasure with verification', report.erasure, TARGET_ERASURE_P50_MS),
    `  from approval to completion: ${ms(report.erasure.afterApprovalMs)}`,
    ...report.bulk.flatMap(bulkLines),
  ];
  if ((machine.backgroundBusy ?? 0) > 0.1)
    lines.push('NOTE: the machine was busy with other work before the phase: figures are skewed.');
  for (const line of lines) console.log(line);
}

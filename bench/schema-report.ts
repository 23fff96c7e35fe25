/** The schema-build phase's figures: per size, median and max of each step over the cold
 * processes; printed against SPEC §9 and kept under `schema` in latest.json. */
import type { MachineInfo } from './machine';
import type { Revision } from './revision';
import type { SchemaBuildResult, SchemaBuildTimings } from './schema-build-process';
import type { SchemaProfile } from './schema-profile';
import { printSchemaProfile } from './schema-profile';

/** SPEC §9: schema build for a data map of 200 collections / 2,000 fields. */
export const TARGET_SCHEMA_BUILD_MS = 2000;

export interface SchemaSizeReport {
  readonly label: string;
  readonly systems: number;
  readonly collections: number;
  readonly fields: number;
  readonly roles: number;
  /** Types in the served schema (subject graph, control plane, scalars, introspection). */
  readonly types: number;
  readonly sdlBytes: number;
  /** The most sockets opened and statements sent by any build: should be 0. */
  readonly sockets: number;
  readonly statements: number;
  readonly median: SchemaBuildTimings;
  readonly max: SchemaBuildTimings;
  readonly runs: readonly SchemaBuildTimings[];
  /** Share of the machine busy during each build's process (ours: about one core of two). */
  readonly machineBusy: readonly (number | null)[];
  /** What the gateway logged while building (first run). */
  readonly log: readonly string[];
}

export interface SchemaBenchReport {
  readonly date: string;
  readonly revision: Revision;
  readonly machine: MachineInfo & { readonly backgroundBusy: number | null };
  readonly runs: number;
  readonly targetMs: number;
  /** The label of the size SPEC §9 names. */
  readonly specSize: string;
  readonly sizes: readonly SchemaSizeReport[];
  readonly profile?: SchemaProfile;
}

const STEPS = ['code', 'map', 'policy', 'registry', 'app', 'build', 'buildCpu'] as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function per(
  runs: readonly SchemaBuildTimings[],
  of: (values: readonly number[]) => number,
): SchemaBuildTimings {
  const entries = STEPS.map((step) => [step, round(of(runs.map((run) => run[step])))] as const);
  return Object.fromEntries(entries) as unknown as SchemaBuildTimings;
}

export function summariseSize(
  label: string,
  builds: readonly { result: SchemaBuildResult; busy: number | null }[],
): SchemaSizeReport {
  const first = builds[0]?.result;
  if (!first) throw new Error(`${label}: no build`);
  const runs = builds.map(({ result }) => per([result.timings], median));
  return {
    label,
    systems: first.systems,
    collections: first.collections,
    fields: first.fields,
    roles: first.roles,
    types: first.types,
    sdlBytes: first.sdlBytes,
    sockets: Math.max(...builds.map(({ result }) => result.sockets)),
    statements: Math.max(...builds.map(({ result }) => result.statements)),
    median: per(runs, median),
    max: per(runs, (values) => Math.max(...values)),
    runs,
    machineBusy: builds.map(({ busy }) => (busy === null ? null : Math.round(busy * 100) / 100)),
    log: first.log,
  };
}

function table(report: SchemaBenchReport): string[] {
  const pair = (size: SchemaSizeReport, step: (typeof STEPS)[number]) =>
    `${size.median[step].toFixed(0)} / ${size.max[step].toFixed(0)}`;
  const busy = (size: SchemaSizeReport) => {
    const known = size.machineBusy.filter((b): b is number => b !== null);
    return known.length === 0 ? '-' : `${Math.round(Math.max(...known) * 100)} %`;
  };
  const rows = [
    [
      'size',
      'colls',
      'fields',
      'types',
      'map',
      'policy',
      'registry',
      'app',
      'build',
      'build CPU',
      'load code',
      'busy ≤',
    ],
    ...report.sizes.map((size) => [
      size.label,
      String(size.collections),
      String(size.fields),
      String(size.types),
      ...(['map', 'policy', 'registry', 'app', 'build', 'buildCpu', 'code'] as const).map((step) =>
        pair(size, step),
      ),
      busy(size),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  '),
  );
}

export function printSchemaReport(report: SchemaBenchReport): void {
  const { machine } = report;
  const spec = report.sizes.find((size) => size.label === report.specSize);
  const lines = [
    '',
    `privgraph schema build, ${report.date}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; code ${report.revision.commit?.slice(0, 12) ?? 'unknown'}${report.revision.uncommittedFiles.length > 0 ? ' with uncommitted changes' : ''}`,
    `machine before the phase: load average ${machine.loadAverageAtStart}, ${machine.backgroundBusy === null ? '-' : `${Math.round(machine.backgroundBusy * 100)} %`} busy with other work`,
    `${report.runs} cold process${report.runs === 1 ? '' : 'es'} per size; ms, median / max; build = map + policy + registry + app (createGatewayApp with the shield, apollo.start()); load code: process start to first line (not in build)`,
    '',
    ...table(report),
    '',
  ];
  if (spec)
    lines.push(
      `schema build, ${spec.collections} collections / ${spec.fields} fields: median ${spec.median.build.toFixed(0)} ms, max ${spec.max.build.toFixed(0)} ms (SPEC §9 target < ${report.targetMs} ms: ${spec.max.build < report.targetMs ? 'met' : spec.median.build < report.targetMs ? 'met by the median, not by every run' : 'NOT met'})`,
    );
  const touched = report.sizes.filter((size) => size.sockets > 0 || size.statements > 0);
  lines.push(
    touched.length === 0
      ? 'no build opened a socket or sent a statement'
      : `WARNING: builds reached out: ${touched.map((size) => `${size.label}: ${size.sockets} sockets, ${size.statements} statements`).join('; ')}`,
  );
  if ((machine.backgroundBusy ?? 0) > 0.1)
    lines.push('NOTE: the machine was busy with other work before the phase: figures are skewed.');
  for (const line of lines) console.log(line);
  if (report.profile) printSchemaProfile(report.profile);
}

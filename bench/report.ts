/** The run's table on stdout, and `bench/results/latest.json` for whoever compares runs. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchDatabase } from './bench-database';
import type { AnswerCheck } from './check-same-answers';
import type { MachineInfo } from './machine';
import type { ProfileSummary } from './profile-summary';
import type { Revision } from './revision';
import type { TargetFigures } from './measure-target';
import type { TargetSummary } from './summarise-runs';
import { sourcesCpuPerRequest } from './summarise-runs';

/** SPEC §9: the gateway's throughput on this lookup, as a share of the floor's. */
export const TARGET_RATIO = 0.85;
/** SPEC §9: the throughput field-level access may cost on the same query. */
export const TARGET_POLICY_COST = 0.1;
/** SPEC §9: the throughput the audit trail may cost on the same query. */
export const TARGET_AUDIT_COST = 0.1;

interface Spread {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

export interface BenchReport {
  readonly date: string;
  readonly revision: Revision;
  readonly machine: MachineInfo & { readonly backgroundBusy: number | null };
  readonly database: Omit<BenchDatabase, 'url' | 'close'>;
  readonly options: {
    readonly durationSeconds: number;
    readonly warmupSeconds: number;
    readonly rounds: number;
    readonly connections: number;
    readonly sample: number;
    readonly role: string;
    readonly purpose: string;
    /** Targets ran under `--cpu-prof`: slower than unprofiled runs. */
    readonly profiled: boolean;
  };
  readonly check: CheckSummary;
  /** The gateway with field-level access off, checked against the floor the same way. */
  readonly checkWithoutPolicy: CheckSummary;
  /** The gateway with its audit trail off, checked against the floor like the gateway. */
  readonly checkWithoutAudit: CheckSummary;
  readonly targets: readonly TargetSummary[];
  readonly runs: readonly TargetFigures[];
  /** gateway req/s ÷ floor req/s in each round, and their median. */
  readonly roundRatios: readonly number[];
  readonly ratio: number;
  /** floor ÷ gateway machine CPU per request (summarise-runs.ts `cpuRatio`), or null. */
  readonly cpuRatio: number | null;
  /** The same query through the gateway with its policy and without (SPEC §9). */
  readonly policy: CostRatios;
  /** The same query through the gateway with its audit trail and without (SPEC §7). */
  readonly audit: CostRatios;
  readonly profiles?: Readonly<Record<string, ProfileSummary>>;
}

/** What one part of the gateway costs: the gateway with it against the gateway without. */
interface CostRatios {
  /** with ÷ without req/s in each round, and their median. */
  readonly roundRatios: readonly number[];
  readonly ratio: number;
  /** without ÷ with machine CPU per request, or null. */
  readonly cpuRatio: number | null;
}

interface CheckSummary {
  readonly people: number;
  readonly mismatches: readonly string[];
  readonly sourceStatementsPerLookup: Spread;
  readonly otherGatewayStatementsPerLookup: Spread;
  readonly distinctSourceStatements: number;
  readonly otherGatewayStatements: readonly string[];
  readonly rowsPerLookup: Spread;
  readonly valueDifferences: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { min: 0, max: 0, mean: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { min: Math.min(...values), max: Math.max(...values), mean: Math.round(mean * 10) / 10 };
}

export function checkSummary(check: AnswerCheck): CheckSummary {
  return {
    people: check.people,
    mismatches: check.mismatches,
    sourceStatementsPerLookup: spread(check.sourceStatements),
    otherGatewayStatementsPerLookup: spread(check.otherGatewayStatements),
    distinctSourceStatements: check.sourceTexts.length,
    otherGatewayStatements: check.otherGatewayTexts,
    rowsPerLookup: spread(check.rows),
    valueDifferences: check.valueDifferences,
  };
}

const percent = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)} %`);

function table(report: BenchReport): string[] {
  const ms = (value: number | null) => (value === null ? '-' : value.toFixed(2));
  const rows = [
    [
      'target',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors/non-2xx',
      'statements/req',
      'CPU ms/req: target',
      'sources',
      'load',
      'machine busy',
    ],
    ...report.targets.map((t) => [
      t.target,
      t.requestsPerSecond.toFixed(0),
      t.latencyMs.p50.toFixed(1),
      t.latencyMs.p99.toFixed(1),
      `${t.errors + t.graphqlErrors}/${t.non2xx}`,
      t.statementsPerRequest.toFixed(2),
      ms(t.targetCpuMsPerRequest),
      ms(sourcesCpuPerRequest(t)),
      ms(t.loadCpuMsPerRequest),
      percent(t.machineBusy),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((row) => row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '));
}

const cost = (ratio: number) => `${((1 - ratio) * 100).toFixed(1)} %`;

/** SPEC §9's cost of one part of the gateway (`name`: policy, audit): what the gateway loses
 * to it, as a share of what it does without it, on the same query in the same run. */
function costLines(name: string, ratios: CostRatios, target: number): string[] {
  return [
    `${name} cost: ${cost(ratios.ratio)} (gateway with ${name} / without: ${ratios.ratio.toFixed(2)}×; rounds: ${ratios.roundRatios.map((r) => r.toFixed(2)).join(', ')}; SPEC §9 target ≤ ${target * 100} %)`,
    ratios.cpuRatio === null
      ? `${name} cost by machine CPU per request: - (PostgreSQL not on this machine)`
      : `${name} cost by machine CPU per request: ${cost(ratios.cpuRatio)} (with / without: ${ratios.cpuRatio.toFixed(2)}×)`,
  ];
}

function policyLines(report: BenchReport): string[] {
  const { checkWithoutPolicy: policy, checkWithoutAudit: audit } = report;
  return [
    ...costLines('policy', report.policy, TARGET_POLICY_COST),
    `  without policy: same rows for ${policy.people} people (${policy.valueDifferences} rows with values differing as text), the same statements but for the minor flag; other statements per lookup: mean ${policy.otherGatewayStatementsPerLookup.mean}`,
    ...costLines('audit', report.audit, TARGET_AUDIT_COST),
    `  without audit: same rows for ${audit.people} people, the same source statements; other statements per lookup: mean ${audit.otherGatewayStatementsPerLookup.mean} (with audit: ${report.check.otherGatewayStatementsPerLookup.mean})`,
  ];
}

export function printReport(report: BenchReport): void {
  const { machine, database, check, options } = report;
  const lines = [
    '',
    `privgraph bench, ${report.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`,
    `code: ${report.revision.commit?.slice(0, 12) ?? 'unknown commit'}${report.revision.uncommittedFiles.length > 0 ? ` with ${report.revision.uncommittedFiles.length} uncommitted files in src/, seeds/, migrations/` : ''}`,
    `machine before the run: load average ${machine.loadAverageAtStart}, ${percent(machine.backgroundBusy)} busy with other work`,
    `${database.subjects} people in ${database.description} (${database.serverVersion}; world ${database.world})`,
    `${options.connections} connections; ${options.rounds} round${options.rounds === 1 ? '' : 's'} of ${options.durationSeconds} s per target after ${options.warmupSeconds} s warm-up; rotating over ${options.sample} people; gateway caller: role ${options.role}, purpose ${options.purpose}`,
    `same rows for ${check.people} people (${check.rowsPerLookup.min}–${check.rowsPerLookup.max} per lookup; ${check.valueDifferences} rows with values differing as text)`,
    `statements to the sources per lookup: ${check.sourceStatementsPerLookup.min}–${check.sourceStatementsPerLookup.max} (mean ${check.sourceStatementsPerLookup.mean}), the same for both targets, from the same ${check.distinctSourceStatements} SQL texts; the gateway's other statements (store) per lookup: mean ${check.otherGatewayStatementsPerLookup.mean}`,
    '',
    ...table(report),
    '',
    `gateway / floor throughput: ${report.ratio.toFixed(2)}× (rounds: ${report.roundRatios.map((r) => r.toFixed(2)).join(', ')}; SPEC §9 target ≥ ${TARGET_RATIO}×)`,
    report.cpuRatio === null
      ? 'gateway / floor by machine CPU per request: - (PostgreSQL not on this machine)'
      : `gateway / floor by machine CPU per request (target + sources + load): ${report.cpuRatio.toFixed(2)}× — the throughput ratio of a machine saturated by this work alone`,
    ...policyLines(report),
  ];
  if (options.profiled)
    lines.push('NOTE: profiled run (--cpu-prof): throughput is lower than without profiling.');
  if (database.engine === 'pglite')
    lines.push('NOTE: embedded PGlite — these figures are not comparable with PostgreSQL runs.');
  if ((machine.backgroundBusy ?? 0) > 0.1)
    lines.push('NOTE: the machine was busy with other work before the run: figures are skewed.');
  for (const line of lines) console.log(line);
}

const LATEST = path.resolve(__dirname, 'results', 'latest.json');

/** What the last runs left in latest.json; each phase replaces only its own part. */
function readLatest(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(LATEST, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function writeLatest(content: Record<string, unknown>): string {
  mkdirSync(path.dirname(LATEST), { recursive: true });
  writeFileSync(LATEST, `${JSON.stringify(content, null, 2)}\n`);
  return LATEST;
}

/** The lookup's figures, keeping the other phases' (`requests`, `schema`) of earlier runs. */
export function writeReport(report: BenchReport): string {
  const { requests, schema } = readLatest();
  return writeLatest({
    ...report,
    ...(requests === undefined ? {} : { requests }),
    ...(schema === undefined ? {} : { schema }),
  });
}

/** The rights-request phase's figures under `requests`, keeping the others'. */
export function writeRequestsReport(requests: unknown): string {
  return writeLatest({ ...readLatest(), requests });
}

/** The schema-build phase's figures under `schema`, keeping the others'. */
export function writeSchemaReport(schema: unknown): string {
  return writeLatest({ ...readLatest(), schema });
}

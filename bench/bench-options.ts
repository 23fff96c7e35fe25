/** `npm run bench -- [flags]`: what one run measures. Defaults give a run of about two
 * minutes on a seeded database, three on a fresh one (100k people). */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** People in the demo world; `undefined`: 100k, or 10k on the embedded fallback. */
  readonly subjects: number | undefined;
  /** Seconds each target is measured for in each round. */
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  /** Rounds of (floor, gateway) runs, alternating which goes first. */
  readonly rounds: number;
  readonly connections: number;
  /** Sample people the requests rotate through. */
  readonly sample: number;
  /** People whose answers are compared between the targets before measuring. */
  readonly checks: number;
  /** Profile both targets (`--cpu-prof`) and say where their CPU time went. */
  readonly profile: boolean;
  readonly skipSeed: boolean;
  readonly reseed: boolean;
  /** Which phases run: the schema build, the subject lookup (floor, gateways), the rights
   * requests; all by default. */
  readonly phases: readonly BenchPhase[];
  /** People whose access export and erasure are timed one at a time. */
  readonly requestPeople: number;
  /** People erased at once in each bulk run. */
  readonly bulkPeople: number;
  /** Worker processes of each bulk run (one run per entry). */
  readonly bulkWorkers: readonly number[];
  /** Cold processes per map size in the schema-build phase. */
  readonly schemaRuns: number;
}

export const BENCH_PHASES = ['schema', 'lookup', 'requests'] as const;
export type BenchPhase = (typeof BENCH_PHASES)[number];

export const DEFAULT_SUBJECTS = 100_000;
export const DEFAULT_EMBEDDED_SUBJECTS = 10_000;

const USAGE = `usage: npm run bench -- [--subjects N] [--duration S] [--rounds R] [--warmup S]
                        [--connections C] [--sample N] [--checks N]
                        [--profile] [--skip-seed | --reseed]
                        [--only schema|lookup|requests] [--request-people N] [--bulk-people N]
                        [--bulk-workers W[,W…]] [--schema-runs N]`;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer\n${USAGE}`);
  return value;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      subjects: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      sample: { type: 'string' },
      checks: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'skip-seed': { type: 'boolean', default: false },
      reseed: { type: 'boolean', default: false },
      only: { type: 'string' },
      'request-people': { type: 'string' },
      'bulk-people': { type: 'string' },
      'bulk-workers': { type: 'string' },
      'schema-runs': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values['skip-seed'] && values.reseed)
    throw new Error(`--skip-seed and --reseed exclude each other\n${USAGE}`);
  return {
    subjects: values.subjects === undefined ? undefined : positive('subjects', values.subjects, 0),
    durationSeconds: positive('duration', values.duration, 10),
    warmupSeconds: positive('warmup', values.warmup, 5),
    rounds: positive('rounds', values.rounds, 5),
    connections: positive('connections', values.connections, 16),
    sample: positive('sample', values.sample, 1000),
    checks: positive('checks', values.checks, 25),
    profile: values.profile,
    skipSeed: values['skip-seed'],
    reseed: values.reseed,
    phases: phasesOf(values.only),
    requestPeople: positive('request-people', values['request-people'], 200),
    bulkPeople: positive('bulk-people', values['bulk-people'], 200),
    bulkWorkers: (values['bulk-workers'] ?? '1,2')
      .split(',')
      .map((count) => positive('bulk-workers', count.trim(), 0)),
    schemaRuns: positive('schema-runs', values['schema-runs'], 5),
  };
}

function phasesOf(only: string | undefined): readonly BenchPhase[] {
  if (only === undefined) return BENCH_PHASES;
  const phase = BENCH_PHASES.find((name) => name === only);
  if (!phase) throw new Error(`--only must be one of ${BENCH_PHASES.join(', ')}\n${USAGE}`);
  return [phase];
}

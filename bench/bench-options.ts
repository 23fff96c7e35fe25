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
}

export const DEFAULT_SUBJECTS = 100_000;
export const DEFAULT_EMBEDDED_SUBJECTS = 10_000;

const USAGE = `usage: npm run bench -- [--subjects N] [--duration S] [--rounds R] [--warmup S]
                        [--connections C] [--sample N] [--checks N]
                        [--profile] [--skip-seed | --reseed]`;

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
  };
}

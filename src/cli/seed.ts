/**
 * `npm run seed -- --subjects N [--seed S] [--database-url URL]`: (re)creates the demo world
 * (SPEC §8) in a database — its schemas only; anything else in the database is left alone.
 * The URL defaults to PRIVGRAPH_DEMO_DATABASE_URL, the variable the demo data map reads.
 *
 * Exit codes: 0 seeded, 1 failed, 2 usage error.
 */
import { seedDemoWorld } from '../../seeds/demo/seed';

export interface SeedCliOutput {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = 'usage: npm run seed -- --subjects N [--seed S] [--database-url URL]';

interface SeedArgs {
  readonly subjects: number;
  readonly seed?: number;
  readonly databaseUrl?: string;
}

/** `--name value` and `--name=value`; returns an error message for anything else. */
export function parseSeedArgs(args: readonly string[]): SeedArgs | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const match = /^--(subjects|seed|database-url)(?:=(.*))?$/.exec(arg);
    if (!match) return `unknown argument: ${arg}`;
    const value = match[2] ?? args[++i];
    if (value === undefined) return `${arg} needs a value`;
    values.set(match[1] as string, value);
  }
  const subjects = Number(values.get('subjects'));
  if (!values.has('subjects') || !Number.isInteger(subjects) || subjects < 1)
    return '--subjects must be a positive integer';
  const seedText = values.get('seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff))
    return '--seed must be an integer in [0, 2^32)';
  const databaseUrl = values.get('database-url');
  return {
    subjects,
    ...(seed === undefined ? {} : { seed }),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  };
}

/** The URL with its password replaced, fit for a log line. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export async function runSeed(
  args: readonly string[],
  out: SeedCliOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out.log(USAGE);
    return 0;
  }
  const parsed = parseSeedArgs(args);
  if (typeof parsed === 'string') {
    out.error(`${parsed}\n${USAGE}`);
    return 2;
  }
  const databaseUrl = parsed.databaseUrl ?? env.PRIVGRAPH_DEMO_DATABASE_URL;
  if (!databaseUrl) {
    out.error(
      'no database: set PRIVGRAPH_DEMO_DATABASE_URL (the demo data map reads it too) or pass --database-url URL',
    );
    return 2;
  }
  out.log(`seeding the demo world: ${parsed.subjects} subjects into ${redactUrl(databaseUrl)}`);
  const started = process.hrtime.bigint();
  try {
    const result = await seedDemoWorld(databaseUrl, {
      subjects: parsed.subjects,
      ...(parsed.seed === undefined ? {} : { seed: parsed.seed }),
      log: (line) => out.log(`  ${line}`),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    out.log(`seeded ${result.subjects} subjects, ${result.rows} rows in ${seconds.toFixed(1)} s`);
    return 0;
  } catch (error) {
    out.error(`seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  runSeed(process.argv.slice(2), {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * Where the benchmark's demo world lives, in order of preference:
 * 1. `PRIVGRAPH_BENCH_DATABASE_URL`, when set (its name must say `bench`: its demo schemas
 *    are dropped and re-seeded);
 * 2. database `privgraph_bench` on the PostgreSQL at 127.0.0.1:5432, when one answers
 *    (dropped and recreated, or reused when it already holds the same world);
 * 3. the embedded PGlite, in memory — its figures are not comparable: one backend, running
 *    in the orchestrator's own process, serves both targets one statement at a time.
 *
 * A world is reused when the label `seedDemoWorld` leaves on its schemas names the same
 * subject count and seed: re-seeding 100k people takes about a minute.
 */
import { Client } from 'pg';
import { seedDemoWorld } from '../seeds/demo/seed';
import { DEFAULT_DEMO_SEED } from '../seeds/demo/generate';
import { startEmbeddedPostgres } from '../src/server/embedded/start-embedded-postgres';
import type { BenchOptions } from './bench-options';
import { DEFAULT_EMBEDDED_SUBJECTS, DEFAULT_SUBJECTS } from './bench-options';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_BENCH_DATABASE = 'privgraph_bench';

export interface BenchDatabase {
  readonly url: string;
  readonly engine: 'postgresql' | 'pglite';
  /** Where it is and what happened to it, for the report. */
  readonly description: string;
  readonly world: 'seeded' | 'reused' | 'as found';
  readonly subjects: number;
  readonly seedSeconds: number | null;
  readonly serverVersion: string;
  close(): Promise<void>;
}

type Log = (line: string) => void;

async function query<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  return query(url, 'SELECT 1').then(
    () => true,
    () => false,
  );
}

function worldLabel(subjects: number): string {
  return `privgraph demo world: ${subjects} subjects, seed ${DEFAULT_DEMO_SEED}`;
}

/** The label on the demo world's first schema, or null when there is no world. */
async function labelOf(url: string): Promise<string | null> {
  const rows = await query<{ label: string | null }>(
    url,
    `SELECT obj_description(to_regnamespace('accounts'), 'pg_namespace') AS label`,
  );
  return rows[0]?.label ?? null;
}

/** The same server's database `database`. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function seed(url: string, subjects: number, log: Log): Promise<number> {
  const started = Date.now();
  log(`seeding ${subjects} demo people (about 35 s per 100k on PostgreSQL)…`);
  const result = await seedDemoWorld(url, { subjects });
  const seconds = (Date.now() - started) / 1000;
  log(`seeded ${result.rows} rows in ${seconds.toFixed(1)} s`);
  return seconds;
}

/** Reuses, re-seeds or (with --skip-seed) takes as found the world at `url`. */
async function prepareWorld(
  url: string,
  options: BenchOptions,
  subjects: number,
  log: Log,
  recreate?: () => Promise<void>,
): Promise<Pick<BenchDatabase, 'world' | 'subjects' | 'seedSeconds'>> {
  const label = await labelOf(url);
  if (options.skipSeed) {
    const found = /: (\d+) subjects/.exec(label ?? '');
    if (!found) throw new Error(`--skip-seed: no demo world in ${url}; run without it once`);
    return { world: 'as found', subjects: Number(found[1]), seedSeconds: null };
  }
  if (!options.reseed && label === worldLabel(subjects)) {
    log(`reusing the demo world already there (${subjects} people; --reseed to rebuild it)`);
    return { world: 'reused', subjects, seedSeconds: null };
  }
  if (recreate) await recreate();
  return { world: 'seeded', subjects, seedSeconds: await seed(url, subjects, log) };
}

async function versionOf(url: string): Promise<string> {
  const rows = await query<{ version: string }>(url, 'SELECT version() AS version');
  return rows[0]?.version.split(' on ')[0] ?? 'unknown';
}

export async function openBenchDatabase(options: BenchOptions, log: Log): Promise<BenchDatabase> {
  const given = process.env.PRIVGRAPH_BENCH_DATABASE_URL;
  if (given) {
    const name = new URL(given).pathname.slice(1);
    if (!/bench/i.test(name))
      throw new Error(
        `PRIVGRAPH_BENCH_DATABASE_URL names database "${name}": its demo schemas would be dropped; use a database whose name contains "bench"`,
      );
    const subjects = options.subjects ?? DEFAULT_SUBJECTS;
    const world = await prepareWorld(given, options, subjects, log);
    return {
      url: given,
      engine: 'postgresql',
      description: `database "${name}" from PRIVGRAPH_BENCH_DATABASE_URL`,
      ...world,
      serverVersion: await versionOf(given),
      close: async () => undefined,
    };
  }

  if (await answers(LOCAL_SERVER)) {
    const url = withDatabase(LOCAL_SERVER, LOCAL_BENCH_DATABASE);
    const subjects = options.subjects ?? DEFAULT_SUBJECTS;
    const exists = await query(LOCAL_SERVER, 'SELECT 1 FROM pg_database WHERE datname = $1', [
      LOCAL_BENCH_DATABASE,
    ]);
    const recreate = async () => {
      log(`(re)creating database ${LOCAL_BENCH_DATABASE} on 127.0.0.1:5432`);
      await query(LOCAL_SERVER, `DROP DATABASE IF EXISTS ${LOCAL_BENCH_DATABASE} WITH (FORCE)`);
      await query(LOCAL_SERVER, `CREATE DATABASE ${LOCAL_BENCH_DATABASE}`);
    };
    if (exists.length === 0) {
      if (options.skipSeed)
        throw new Error(`--skip-seed: there is no database ${LOCAL_BENCH_DATABASE} yet`);
      await recreate();
    }
    const world = await prepareWorld(
      url,
      options,
      subjects,
      log,
      exists.length > 0 ? recreate : undefined,
    );
    return {
      url,
      engine: 'postgresql',
      description: `database "${LOCAL_BENCH_DATABASE}" on the PostgreSQL at 127.0.0.1:5432`,
      ...world,
      serverVersion: await versionOf(url),
      close: async () => undefined,
    };
  }

  log('no PostgreSQL at 127.0.0.1:5432: using the embedded PGlite (figures NOT comparable)');
  if (options.skipSeed)
    throw new Error('--skip-seed: the embedded database is in memory, always seeded');
  const embedded = await startEmbeddedPostgres({ dataDir: null, port: 0 });
  const subjects = options.subjects ?? DEFAULT_EMBEDDED_SUBJECTS;
  return {
    url: embedded.url,
    engine: 'pglite',
    description: 'embedded PGlite, in memory, in the orchestrator process (not comparable)',
    world: 'seeded',
    subjects,
    seedSeconds: await seed(embedded.url, subjects, log),
    serverVersion: await versionOf(embedded.url),
    close: () => embedded.stop(),
  };
}

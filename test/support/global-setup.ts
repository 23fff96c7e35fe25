/**
 * Jest globalSetup of the `embedded` and `integration` projects: one database per run,
 * store migrated, demo and Acme worlds seeded, URLs exported to the test workers.
 *
 * - `embedded`: in-memory PGlite on a free loopback port, started here because PGlite
 *   cannot load inside a test file (its dynamic import needs --experimental-vm-modules).
 * - `integration`: a fresh `privgraph_test_<random>` on the real server named by
 *   PRIVGRAPH_TEST_PG_ADMIN_URL; missing or unreachable is an error, never a skip.
 * Another project (or none) follows PRIVGRAPH_TEST_PG_ADMIN_URL: set → real server.
 */
import { seedAcmeWorld } from '../fixtures/acme/seed';
import { seedDemoWorld } from '../../seeds/demo/seed';
import type { RunningConsultationService } from '../../seeds/demo/consultation-service/consultation-service';
import { startConsultationService } from '../../seeds/demo/consultation-service/consultation-service';
import { startEmbeddedPostgres } from '../../src/server/embedded/start-embedded-postgres';
import { openStore } from '../../src/store';
import {
  assertTestDatabaseName,
  createFreshTestDatabase,
  rememberTestDatabase,
} from './test-database';
import type { TestEngine } from './test-database';

interface ProjectConfig {
  readonly displayName?: string | { readonly name: string };
}

export default async function globalSetup(
  _globalConfig: unknown,
  projectConfig?: ProjectConfig,
): Promise<void> {
  const project = projectName(projectConfig);
  const engine = chooseEngine(project);
  const startedAt = performance.now();
  const { url, close: closeDatabase } = await openTestDatabase(engine);
  const readyAt = performance.now();
  let support: RunningConsultationService | undefined;
  const close = async () => {
    await support?.stop();
    await closeDatabase();
  };
  try {
    rememberTestDatabase({ project, engine, close });
    const subjects = Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300);
    // Migrate once here: test files opening the store in parallel then find nothing to do.
    await (await openStore(url)).destroy();
    await seedDemoWorld(url, { subjects, seed: 7 });
    await seedAcmeWorld(url, { subjects: 60, seed: 11 });
    // The demo's `support` system is an HTTP service over the seeded rows (issue #4).
    const token = `Bearer test-${process.pid}`;
    support = await startConsultationService({ databaseUrl: url, authorization: token });
    Object.assign(process.env, {
      SUPPORT_SERVICE_URL: support.url,
      SUPPORT_SERVICE_TOKEN: token,
      PRIVGRAPH_TEST_DATABASE_URL: url,
      PRIVGRAPH_DEMO_DATABASE_URL: url,
      ACME_DATABASE_URL: url,
      PRIVGRAPH_TEST_SUBJECTS: String(subjects),
      PRIVGRAPH_TEST_ENGINE: engine,
    });
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  const ms = (from: number, to: number): number => Math.round(to - from);
  process.stderr.write(
    `\nprivgraph tests (${project}): ${engine} database ready in ${ms(startedAt, readyAt)} ms, ` +
      `migrated and seeded in ${ms(readyAt, performance.now())} ms\n`,
  );
}

function projectName(config: ProjectConfig | undefined): string {
  const name = config?.displayName;
  return typeof name === 'string' ? name : (name?.name ?? 'default');
}

function chooseEngine(project: string): TestEngine {
  if (project === 'integration') {
    if (!process.env.PRIVGRAPH_TEST_PG_ADMIN_URL) {
      throw new Error(
        'the integration project runs against a real PostgreSQL server: set PRIVGRAPH_TEST_PG_ADMIN_URL, ' +
          'e.g. PRIVGRAPH_TEST_PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:integration',
      );
    }
    return 'postgres';
  }
  if (project === 'embedded') return 'embedded';
  return process.env.PRIVGRAPH_TEST_PG_ADMIN_URL ? 'postgres' : 'embedded';
}

async function openTestDatabase(
  engine: TestEngine,
): Promise<{ url: string; close(): Promise<void> }> {
  if (engine === 'postgres') {
    const fresh = await createFreshTestDatabase(process.env.PRIVGRAPH_TEST_PG_ADMIN_URL ?? '');
    assertTestDatabaseName(fresh.url); // before anything writes to it
    return { url: fresh.url, close: fresh.drop };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: null, port: 0 });
  return { url: embedded.url, close: embedded.stop };
}

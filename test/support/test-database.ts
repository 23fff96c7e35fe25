/**
 * Test databases (STYLE.md §10): a guard that refuses to run against a database whose name
 * does not say it is a test database, a fresh throwaway database per integration run, and
 * the URL the suites read — checked before any test writes to it.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestEngine = 'embedded' | 'postgres';

/** Throws unless the URL's database name contains "test" (case-insensitive). */
export function assertTestDatabaseName(url: string): void {
  const name = databaseName(url);
  if (!name.toLowerCase().includes('test')) {
    throw new Error(
      `refusing to run tests against database "${name}" at ${redactUrl(url)}: its name does not contain "test". ` +
        'Tests create, truncate and drop data; point them at a throwaway database (e.g. privgraph_test_…).',
    );
  }
}

/**
 * Creates `privgraph_test_<random>` on the server `adminUrl` points at (any database the
 * role can connect to; the role needs CREATEDB). Fails loudly when the server is
 * unreachable: an integration run without a server is an error, not a skip.
 */
export async function createFreshTestDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `privgraph_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${name}`);
  });
  return {
    url: withDatabase(adminUrl, name),
    // WITH (FORCE), PostgreSQL 13+: a pool a test leaked must not keep the database alive.
    drop: () =>
      withAdminClient(adminUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/**
 * The database the current run's global setup prepared, for test files. On a real server
 * its name must pass the guard; the embedded engine is the in-memory PGlite this run
 * started on the loopback interface (PGlite has one database, named `postgres`).
 */
export function requireTestDatabaseUrl(): string {
  const url = process.env.PRIVGRAPH_TEST_DATABASE_URL;
  const engine = process.env.PRIVGRAPH_TEST_ENGINE;
  if (!url || (engine !== 'embedded' && engine !== 'postgres')) {
    throw new Error(
      'no test database: run these tests through the "embedded" or "integration" jest project, ' +
        'whose global setup prepares one (npx jest --selectProjects embedded)',
    );
  }
  if (engine === 'postgres') assertTestDatabaseName(url);
  else if (new URL(url).hostname !== '127.0.0.1') {
    throw new Error(
      `refusing ${redactUrl(url)}: the embedded test database listens on 127.0.0.1 only`,
    );
  }
  return url;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withAdminClient<T>(
  adminUrl: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `integration tests need a PostgreSQL server at ${redactUrl(adminUrl)} (PRIVGRAPH_TEST_PG_ADMIN_URL): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What global-teardown must undo: stop the embedded server or drop the fresh database.
 * Kept on globalThis because Jest runs both hooks in its main process but loads each
 * through its own module registry. */
interface TestDatabaseHandle {
  readonly project: string;
  readonly engine: TestEngine;
  close(): Promise<void>;
}

const HANDLE_KEY = Symbol.for('privgraph.testDatabase');

export function rememberTestDatabase(handle: TestDatabaseHandle): void {
  const existing = (globalThis as Record<symbol, TestDatabaseHandle | undefined>)[HANDLE_KEY];
  if (existing) {
    // Jest runs every project's globalSetup before any test, in one process: the second
    // project would overwrite the first one's environment variables.
    throw new Error(
      `the "${existing.project}" and "${handle.project}" jest projects cannot share a run: ` +
        'run them separately (npm test; npm run test:integration)',
    );
  }
  (globalThis as Record<symbol, TestDatabaseHandle | undefined>)[HANDLE_KEY] = handle;
}

export function forgetTestDatabase(): TestDatabaseHandle | undefined {
  const handle = (globalThis as Record<symbol, TestDatabaseHandle | undefined>)[HANDLE_KEY];
  delete (globalThis as Record<symbol, TestDatabaseHandle | undefined>)[HANDLE_KEY];
  return handle;
}

/**
 * The demo world as a rights-request test's own (issue #5 "Erasure", "Fault tests"): a fresh
 * database seeded with a small demo (its systems in their schemas, the gateway store in
 * `privgraph`), its own consultation service over that database's `support` schema, and a
 * RequestsRuntime over the demo map and policy (`buildRequestsRuntime`: no mocks). Its own
 * database means its own task table too: no other test file's worker can claim its tasks.
 *
 * A crash test needs several identical worlds: `copyTestDatabase` clones a seeded database
 * with PostgreSQL's `CREATE DATABASE … TEMPLATE`, so every copy holds the same rows, ids
 * and store. A worker child process (`request-worker-process.ts`) builds the same runtime
 * from a `DemoSourcesEndpoint`: same keys, same clock, so it unseals the test's plans.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { deriveSealKey } from '../../src/core/crypto/seal';
import type { RequestsRuntime } from '../../src/requests';
import { openStore } from '../../src/store';
import { seedDemoWorld } from '../../seeds/demo/seed';
import type { RunningConsultationService } from '../../seeds/demo/consultation-service/consultation-service';
import { startConsultationService } from '../../seeds/demo/consultation-service/consultation-service';
import { DEMO_MAP, DEMO_POLICY, loadMap, loadPolicy } from './gateway-harness';
import type { TestRequestsRuntime } from './requests-runtime';
import { buildRequestsRuntime } from './requests-runtime';
import { assertTestDatabaseName, createFreshTestDatabase, databaseName } from './test-database';

/** Small enough to seed in well under a second, large enough for every case: people in
 * all systems, a shared device, people under legal hold. */
export const DEMO_SUBJECTS = 60;
export const DEMO_SEED = 7;

/** The runtime's clock: 90 days after the generator's reference date (2026-06-30), so a
 * six-month retention hold on security logs keeps about half of them (those written in the
 * last 90 days before the reference date) and lets the older half go. Fixed, so a plan is
 * the same whatever day the tests run. */
export const DEMO_NOW = new Date('2026-09-28T00:00:00Z');

export const DPO = { subject: 'dpo@integration-test', role: 'dpo' } as const;

/** Where a runtime finds the demo's sources; all a worker child process is told. */
export interface DemoSourcesEndpoint {
  readonly databaseUrl: string;
  readonly supportUrl: string;
  readonly supportToken: string;
}

/** This deployment's seal key: the same in every process of a test, so a worker child
 * process unseals the plans the test made. */
const SEAL_KEY = deriveSealKey(Buffer.from('demo requests world', 'utf8'), 'store');

/** The demo map and policy over `endpoint`, wired by the request tests' one runtime builder;
 * the clock stands at DEMO_NOW. */
export async function openDemoRequestsRuntime(
  endpoint: DemoSourcesEndpoint,
): Promise<TestRequestsRuntime> {
  assertTestDatabaseName(endpoint.databaseUrl);
  // an env of its own: a developer's ACCOUNTS_DATABASE_URL must not point a test elsewhere
  const map = loadMap(DEMO_MAP, {
    PRIVGRAPH_DEMO_DATABASE_URL: endpoint.databaseUrl,
    SUPPORT_SERVICE_URL: endpoint.supportUrl,
    SUPPORT_SERVICE_TOKEN: endpoint.supportToken,
  });
  return buildRequestsRuntime({
    map,
    policy: loadPolicy(DEMO_POLICY, map),
    sealKey: SEAL_KEY,
    now: () => DEMO_NOW,
    storeUrl: endpoint.databaseUrl,
    sources: { connectTimeoutMs: 3000, queryTimeoutMs: 10_000 },
  });
}

/**
 * A fresh `privgraph_test_…` database with the demo world seeded and the store migrated,
 * every connection closed (so it can serve as a template for copies).
 */
export async function createDemoDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const fresh = await createFreshTestDatabase(adminUrl);
  try {
    assertTestDatabaseName(fresh.url);
    await seedDemoWorld(fresh.url, { subjects: DEMO_SUBJECTS, seed: DEMO_SEED });
    await (await openStore(fresh.url)).destroy();
    return fresh;
  } catch (error) {
    await fresh.drop().catch(() => undefined);
    throw error;
  }
}

/** An identical copy of a test database nobody is connected to (`CREATE DATABASE … TEMPLATE`). */
export async function copyTestDatabase(
  adminUrl: string,
  fromUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  assertTestDatabaseName(fromUrl);
  const name = `privgraph_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // FILE_COPY: a small database copies faster than through the WAL (PostgreSQL 15's default)
  await admin(`CREATE DATABASE ${name} TEMPLATE ${databaseName(fromUrl)} STRATEGY FILE_COPY`);
  const url = new URL(fromUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One world: its database, its consultation service, a runtime and a SQL client over it. */
export interface DemoRequestsWorld {
  readonly endpoint: DemoSourcesEndpoint;
  readonly runtime: RequestsRuntime;
  /** Direct SQL on the world's database (the sources' schemas and the store). */
  readonly db: Client;
  close(): Promise<void>;
}

export async function startDemoRequestsWorld(databaseUrl: string): Promise<DemoRequestsWorld> {
  const supportToken = `Bearer integration-${randomBytes(8).toString('hex')}`;
  const support: RunningConsultationService = await startConsultationService({
    databaseUrl,
    authorization: supportToken,
  });
  const endpoint = { databaseUrl, supportUrl: support.url, supportToken };
  const db = new Client({ connectionString: databaseUrl });
  let opened: TestRequestsRuntime | undefined;
  try {
    await db.connect();
    opened = await openDemoRequestsRuntime(endpoint);
  } catch (error) {
    await db.end().catch(() => undefined);
    await support.stop();
    throw error;
  }
  const runtime = opened.runtime;
  const closeRuntime = opened.close;
  return {
    endpoint,
    runtime,
    db,
    async close() {
      await closeRuntime();
      await db.end();
      await support.stop();
    },
  };
}

export function requireAdminUrl(): string {
  const url = process.env.PRIVGRAPH_TEST_PG_ADMIN_URL;
  if (!url)
    throw new Error(
      'these tests create databases of their own on a real PostgreSQL server: set PRIVGRAPH_TEST_PG_ADMIN_URL',
    );
  return url;
}

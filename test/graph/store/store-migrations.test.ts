/**
 * The gateway store's schema: migrations create it in its own `privgraph` schema, rerun as
 * no-ops, agree with the entities, and `down` undoes `up`.
 */
import { storeMigrations } from '../../../migrations';
import type { DataSource } from 'typeorm';
import { CreateGatewayStore1795995978220 } from '../../../migrations/1795995978220-CreateGatewayStore';
import { STORE_SCHEMA, openStore, pingStore } from '../../../src/store';
import { requireTestDatabaseUrl } from '../../support/test-database';

jest.setTimeout(30_000);

let ds: DataSource;

beforeAll(async () => {
  ds = await openStore(requireTestDatabaseUrl(), { poolSize: 2 });
});

afterAll(async () => {
  await ds.destroy();
});

async function storeTables(runner: {
  query(sql: string, params: unknown[]): Promise<unknown>;
}): Promise<string[]> {
  const rows = (await runner.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [STORE_SCHEMA],
  )) as Array<{ table_name: string }>;
  return rows.map((r) => r.table_name);
}

test('the store lives in the privgraph schema, migrations table included', async () => {
  expect(await storeTables(ds)).toEqual([
    'audit_events',
    'consent_events',
    'data_map_snapshots',
    'export_packages',
    'legal_holds',
    'migrations',
    'policy_snapshots',
    'request_events',
    'request_tasks',
    'rights_requests',
    'source_schema_cache',
  ]);
  const leaked = (await ds.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name IN ('data_map_snapshots', 'source_schema_cache', 'migrations')`,
  )) as unknown[];
  expect(leaked).toEqual([]);
});

test('opening the store again, even from several replicas at once, applies nothing', async () => {
  const replicas = await Promise.all(
    [1, 2, 3].map(() => openStore(requireTestDatabaseUrl(), { poolSize: 1 })),
  );
  try {
    for (const replica of replicas) expect(await replica.showMigrations()).toBe(false);
    const applied = (await ds.query(`SELECT name FROM "${STORE_SCHEMA}".migrations`)) as Array<{
      name: string;
    }>;
    expect(applied.map((m) => m.name)).toEqual(storeMigrations.map((m) => m.name));
  } finally {
    await Promise.all(replicas.map((r) => r.destroy()));
  }
});

test('entities and migrations describe the same schema (migration:generate would find nothing)', async () => {
  const pending = await ds.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((q) => q.query)).toEqual([]);
});

test('down undoes up (inside a transaction that is rolled back)', async () => {
  const runner = ds.createQueryRunner();
  await runner.connect();
  const migration = new CreateGatewayStore1795995978220();
  try {
    await runner.startTransaction();
    const all = await storeTables(runner);
    await migration.down(runner);
    expect(await storeTables(runner)).toEqual(
      all.filter((table) => table !== 'data_map_snapshots' && table !== 'source_schema_cache'),
    );
    await migration.up(runner);
    expect(await storeTables(runner)).toEqual(all);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});

test('pingStore reports ready while open, and not ready once closed', async () => {
  expect(await pingStore(ds)).toMatchObject({ ok: true });
  const other = await openStore(requireTestDatabaseUrl(), { poolSize: 1 });
  await other.destroy();
  expect(await pingStore(other)).toEqual({ ok: false, latencyMs: 0, error: 'store is not open' });
});

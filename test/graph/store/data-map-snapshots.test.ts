/** Data map snapshots (SPEC §3): one row per map version, recorded idempotently by hash. */
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openStore, recordDataMapSnapshot } from '../../../src/store';
import type { DataMapSnapshotInput } from '../../../src/store';
import { requireTestDatabaseUrl } from '../../support/test-database';

let ds: DataSource;

beforeAll(async () => {
  ds = await openStore(requireTestDatabaseUrl(), { poolSize: 3 });
});

afterAll(async () => {
  await ds.destroy();
});

/** A map text unique to this test run, so parallel files never share a hash. */
function snapshot(
  content = `version: 1\n# ${randomBytes(8).toString('hex')}\n`,
): DataMapSnapshotInput {
  return {
    contentHash: createHash('sha256').update(content).digest('hex'),
    sourceFile: 'seeds/demo/datamap.yaml',
    content,
    systems: 7,
    collections: 23,
  };
}

async function loadedAt(id: string): Promise<Date> {
  const rows = (await ds.query(`SELECT loaded_at FROM privgraph.data_map_snapshots WHERE id = $1`, [
    id,
  ])) as Array<{
    loaded_at: Date;
  }>;
  return rows[0]?.loaded_at as Date;
}

test('a new version is created with a database-generated id', async () => {
  const recorded = await recordDataMapSnapshot(ds, snapshot());
  expect(recorded.created).toBe(true);
  expect(recorded.id).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
});

test('recording the same version again returns the first id and changes nothing', async () => {
  const input = snapshot('version: 1\n# 张三 ' + randomBytes(8).toString('hex'));
  const first = await recordDataMapSnapshot(ds, input);
  const firstLoadedAt = await loadedAt(first.id);
  const again = await recordDataMapSnapshot(ds, input);
  expect(again).toEqual({ id: first.id, created: false });
  expect(await loadedAt(first.id)).toEqual(firstLoadedAt);

  const rows = (await ds.query(
    `SELECT content, source_file, systems, collections FROM privgraph.data_map_snapshots WHERE content_hash = $1`,
    [input.contentHash],
  )) as unknown[];
  expect(rows).toEqual([
    { content: input.content, source_file: input.sourceFile, systems: 7, collections: 23 },
  ]);
});

test('replicas recording one version at the same time: one creates it, all get its id', async () => {
  const input = snapshot();
  const results = await Promise.all([1, 2, 3, 4, 5].map(() => recordDataMapSnapshot(ds, input)));
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(results.map((r) => r.id)).size).toBe(1);
});

test('a map larger than a network packet is stored whole', async () => {
  const input = snapshot(
    `version: 1\n${'# padding\n'.repeat(20_000)}${randomBytes(8).toString('hex')}`,
  );
  const { id } = await recordDataMapSnapshot(ds, input);
  const rows = (await ds.query(
    `SELECT length(content) AS n FROM privgraph.data_map_snapshots WHERE id = $1`,
    [id],
  )) as Array<{
    n: number;
  }>;
  expect(rows[0]?.n).toBe(input.content.length);
});

test('an empty hash is refused', async () => {
  await expect(recordDataMapSnapshot(ds, { ...snapshot(), contentHash: '' })).rejects.toThrow(
    'contentHash is empty',
  );
});

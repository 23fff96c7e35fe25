/** The source schema cache (SPEC §5): the last successful describe() of each source. */
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TableDescription } from '../../../src/sources/connector';
import { loadSourceDescriptions, openStore, saveSourceDescriptions } from '../../../src/store';
import { requireTestDatabaseUrl } from '../../support/test-database';

let ds: DataSource;

beforeAll(async () => {
  ds = await openStore(requireTestDatabaseUrl(), { poolSize: 2 });
});

afterAll(async () => {
  await ds.destroy();
});

/** System names unique to this run: files run in parallel against one database. */
const systemName = (label: string): string => `${label}_${randomBytes(4).toString('hex')}`;

const users: TableDescription = {
  table: 'users',
  exists: true,
  columns: [
    { column: 'id', nativeType: 'int8', type: 'bigint', nullable: false },
    { column: 'email', nativeType: 'text', type: 'string', nullable: true },
    { column: 'created_at', nativeType: 'timestamptz', type: 'datetime', nullable: false },
  ],
};
const devices: TableDescription = {
  table: 'devices',
  exists: true,
  columns: [{ column: 'device_id', nativeType: 'uuid', type: 'uuid', nullable: false }],
};
const missing: TableDescription = { table: 'gone', exists: false, columns: [] };

test('a saved description loads back equal, ordered by table', async () => {
  const system = systemName('accounts');
  await saveSourceDescriptions(ds, system, 'map-1', [users, devices, missing]);
  expect(await loadSourceDescriptions(ds, system)).toEqual([devices, missing, users]);
});

test('saving again replaces the system’s whole description and records the map hash', async () => {
  const system = systemName('accounts');
  await saveSourceDescriptions(ds, system, 'map-1', [users, devices]);
  const usersV2: TableDescription = { ...users, columns: users.columns.slice(0, 1) };
  await saveSourceDescriptions(ds, system, 'map-2', [usersV2]);

  expect(await loadSourceDescriptions(ds, system)).toEqual([usersV2]);
  const rows = (await ds.query(
    `SELECT DISTINCT map_hash FROM privgraph.source_schema_cache WHERE system = $1`,
    [system],
  )) as unknown[];
  expect(rows).toEqual([{ map_hash: 'map-2' }]);
});

test('systems do not overwrite each other', async () => {
  const [a, b] = [systemName('analytics'), systemName('security')];
  await saveSourceDescriptions(ds, a, 'map-1', [users]);
  await saveSourceDescriptions(ds, b, 'map-1', [devices]);
  await saveSourceDescriptions(ds, b, 'map-1', []);
  expect(await loadSourceDescriptions(ds, a)).toEqual([users]);
  expect(await loadSourceDescriptions(ds, b)).toEqual([]);
});

test('a system never described has no cached description', async () => {
  expect(await loadSourceDescriptions(ds, systemName('never'))).toEqual([]);
});

test('only the contract’s fields are stored', async () => {
  const system = systemName('ticketing');
  const [id] = users.columns;
  const withExtras: TableDescription = Object.assign(
    { ...users, columns: [Object.assign({ comment: 'pk' }, id)] },
    { rowEstimate: 12 },
  );
  await saveSourceDescriptions(ds, system, 'map-1', [withExtras]);
  expect(await loadSourceDescriptions(ds, system)).toEqual([{ ...users, columns: [id] }]);
});

test('a damaged cache entry is reported, not passed on', async () => {
  const system = systemName('damaged');
  await ds.query(
    `INSERT INTO privgraph.source_schema_cache (system, collection, map_hash, description) VALUES ($1, 'users', 'm', $2)`,
    [system, JSON.stringify({ table: 'users', columns: 'nope' })],
  );
  await expect(loadSourceDescriptions(ds, system)).rejects.toThrow(
    `source schema cache entry ${system}.users is malformed`,
  );
});

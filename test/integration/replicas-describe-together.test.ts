/**
 * Replicas starting together (SPEC §8: any number of stateless replicas) each describe every
 * source and save the description in the shared store at the same moment. On real
 * PostgreSQL, two stores (two replicas' pools) save the same system's description at once,
 * over and over: no save may fail on the cache's primary key, and what is left is one whole
 * description, never a mix. Real PostgreSQL only: PGlite runs one transaction at a time, so
 * there is no race to lose there.
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TableDescription } from '../../src/sources/connector';
import { loadSourceDescriptions, openStore, saveSourceDescriptions } from '../../src/store';
import { requireTestDatabaseUrl } from '../support/test-database';

let replicas: DataSource[] = [];

beforeAll(async () => {
  const url = requireTestDatabaseUrl();
  replicas = await Promise.all([openStore(url, { poolSize: 4 }), openStore(url, { poolSize: 4 })]);
});

afterAll(async () => {
  await Promise.all(replicas.map((ds) => ds.destroy()));
});

const table = (name: string, columns: number): TableDescription => ({
  table: name,
  exists: true,
  columns: Array.from({ length: columns }, (_, i) => ({
    column: `c${i}`,
    nativeType: 'text',
    type: 'string',
    nullable: true,
  })),
});

test('two replicas saving the same source at once never collide and leave one whole description', async () => {
  for (let round = 0; round < 20; round++) {
    const system = `race_${randomBytes(4).toString('hex')}`;
    const first = [table('users', 3), table('devices', 1)];
    const second = [table('users', 2), table('events', 4)];
    const saves = replicas.flatMap((ds) => [
      saveSourceDescriptions(ds, system, 'map-a', first),
      saveSourceDescriptions(ds, system, 'map-b', second),
    ]);
    const results = await Promise.allSettled(saves);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const left = await loadSourceDescriptions(replicas[0] as DataSource, system);
    const sorted = (tables: TableDescription[]) =>
      [...tables].sort((a, b) => a.table.localeCompare(b.table));
    expect([sorted(first), sorted(second)]).toContainEqual(left);
  }
});

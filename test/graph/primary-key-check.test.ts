/**
 * The start-up check compares each collection's `primaryKey` with what identifies a row in
 * the live table (docs/data-map.md, "What is checked"): a declared key that does not cover
 * one of the table's unique keys would merge rows sharing it — the others silently missing
 * from answers and exports — so the start is refused, naming the table's keys. A table with
 * no key to compare with is said, not refused. On a schema of this file's own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { dataMapOrThrow, parseDataMap } from '../../src/core/datamap/parse-data-map';
import { checkSources } from '../../src/graph/check-sources';
import { SourceRegistry } from '../../src/graph/source-registry';
import { locateSourceProblems } from '../../src/server/locate-source-problems';
import { requireTestDatabaseUrl } from '../support/test-database';

const schema = `pk_check_${randomBytes(4).toString('hex')}`;
const url = requireTestDatabaseUrl();

async function sql(text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(() =>
  sql(`
    CREATE SCHEMA ${schema};
    CREATE TABLE ${schema}.members (code text PRIMARY KEY, email text UNIQUE);
    CREATE TABLE ${schema}.ledger (code text NOT NULL, seq int NOT NULL, delta int,
      PRIMARY KEY (code, seq));
    CREATE TABLE ${schema}.visits (code text, seen_at timestamptz);
  `),
);
afterAll(() => sql(`DROP SCHEMA ${schema} CASCADE`));

const noCache = { load: async () => [], save: async () => undefined };

function mapText(keys: { members: string; ledger: string; visits: string }): string {
  return `
version: 1
organization: { name: Key check }
identities:
  code: {}
  email: { format: email }
purposes:
  service: { name: Service }
systems:
  club:
    name: Club
    source: { kind: postgres, url: '${url}', schema: ${schema} }
    collections:
      members:
        primaryKey: [${keys.members}]
        purposes: [service]
        fields:
          code: { identity: code, category: user.unique_id }
          email: { identity: email, category: user.contact.email }
      ledger:
        primaryKey: [${keys.ledger}]
        purposes: [service]
        fields:
          code: { references: club.members.code, category: user.unique_id }
          seq: {}
          delta: {}
      visits:
        primaryKey: [${keys.visits}]
        purposes: [service]
        fields:
          code: { references: club.members.code, category: user.unique_id }
          seen_at: {}
`;
}

function mapWith(
  keys: { members: string; ledger: string; visits: string },
  file = 'key-check.yaml',
) {
  return dataMapOrThrow(parseDataMap(mapText(keys), file, process.env));
}

async function check(keys: { members: string; ledger: string; visits: string }, file?: string) {
  const map = mapWith(keys, file);
  const sources = new SourceRegistry(map, { poolSize: 1 });
  try {
    return await checkSources(map, sources, noCache);
  } finally {
    await sources.close();
  }
}

it('accepts the primary key, a unique column, and a key that includes one', async () => {
  for (const members of ['code', 'email', 'email, code']) {
    const result = await check({ members, ledger: 'code, seq', visits: 'code, seen_at' });
    expect(result.mismatches).toEqual([]);
  }
});

it('refuses a key that is only part of the table’s, naming the table’s keys', async () => {
  const result = await check({ members: 'code', ledger: 'code', visits: 'code' });
  expect(result.mismatches).toEqual([
    'club.ledger: primaryKey: [code] does not identify a row of table "ledger" (its unique keys: (code, seq)); rows sharing it would be merged. Declare one of them, e.g. primaryKey: [code, seq]',
  ]);
});

it('says, without refusing, that a table with no unique key cannot be checked', async () => {
  const result = await check({ members: 'code', ledger: 'code, seq', visits: 'code' });
  expect(result.mismatches).toEqual([]);
  expect(result.warnings).toEqual([
    'club.visits: table "visits" has no primary key or unique constraint, so primaryKey: [code] cannot be checked; rows sharing it would be shown and erased as one',
  ]);
});

it('points each problem at its line in the map file, as the map’s own problems do', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-key-check-'));
  try {
    const keys = { members: 'code', ledger: 'code', visits: 'code' };
    const file = path.join(dir, 'datamap.yaml');
    writeFileSync(file, mapText(keys));
    const result = await check(keys, file);
    const lines = mapText(keys).split('\n');
    const ledger = lines.findIndex((line) => line.trim() === 'ledger:');
    const keyLine = ledger + 1 + lines.slice(ledger).findIndex((l) => l.includes('primaryKey'));
    const visits = lines.findIndex((line) => line.trim() === 'visits:');
    const visitsKey = visits + 1 + lines.slice(visits).findIndex((l) => l.includes('primaryKey'));
    const shown = path.resolve(file); // outside the working directory: absolute
    expect(locateSourceProblems(file, result.problems)).toEqual([
      `${shown}:${keyLine}:9 systems.club.collections.ledger.primaryKey: ${result.mismatches[0]?.replace('club.ledger: ', '')}`,
      `${shown}:${visitsKey}:9 systems.club.collections.visits.primaryKey: ${result.warnings[0]?.replace('club.visits: ', '')}`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The realistic fixture: a slice of the Whale Cloud demo world, normalised end to end. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionDef, DataMap, FieldDef } from '../../../src/core/datamap/model';
import { parseDataMap } from '../../../src/core/datamap/parse-data-map';

const FIXTURE = join(__dirname, 'fixtures', 'whale-small.yaml');
const text = readFileSync(FIXTURE, 'utf8');
const env = { PRIVGRAPH_DEMO_DATABASE_URL: 'postgres://demo@localhost/privgraph_demo' };

function load(environment: Record<string, string> = env): DataMap {
  const result = parseDataMap(text, FIXTURE, environment);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  expect(result.warnings).toEqual([]);
  return result.map;
}

function collection(map: DataMap, system: string, name: string): CollectionDef {
  const found = map.systems.find((s) => s.key === system)?.collections.find((c) => c.key === name);
  if (!found) throw new Error(`no ${system}.${name}`);
  return found;
}

function field(map: DataMap, system: string, coll: string, name: string): FieldDef {
  const found = collection(map, system, coll).fields.find((f) => f.key === name);
  if (!found) throw new Error(`no ${system}.${coll}.${name}`);
  return found;
}

describe('a realistic data map', () => {
  const map = load();

  it('keeps systems, collections and fields in file order', () => {
    expect(map.systems.map((s) => s.key)).toEqual([
      'accounts',
      'workspace',
      'analytics',
      'push_sdk',
    ]);
    expect(collection(map, 'accounts', 'users').fields.map((f) => f.key)).toEqual([
      'id',
      'email',
      'phone',
      'full_name',
      'password_hash',
      'created_at',
    ]);
  });

  it('normalises the organisation and the declarations', () => {
    expect(map.version).toBe(1);
    expect(map.organization).toEqual({
      name: 'Whale Cloud Technology (Hangzhou) Co., Ltd.',
      homeRegion: 'CN',
    });
    expect(map.identities.get('phone')).toEqual({
      name: 'phone',
      format: 'phone_cn',
      shared: false,
    });
    expect(map.identities.get('user_id')).toMatchObject({ format: 'exact', shared: false });
    expect(map.identities.get('device_id')).toMatchObject({ shared: true });
    expect(map.purposes.get('analytics')).toEqual({ key: 'analytics', name: 'Product analytics' });
    expect(map.categories.get('user.workplace.task')).toMatchObject({
      name: 'Work task',
      builtIn: false,
    });
    expect(map.categories.get('user.contact.email')?.builtIn).toBe(true);
    expect([...map.legalBases.keys()]).toEqual(
      expect.arrayContaining(['contract', 'consent', 'pipl_13_3']),
    );
  });

  it('fills source defaults and expands the environment, nested default included', () => {
    const [accounts, workspace, analytics, sdk] = map.systems;
    expect(accounts?.source).toEqual({
      kind: 'postgres',
      url: 'postgres://demo@localhost/privgraph_demo',
      schema: 'accounts',
    });
    expect(workspace?.source).toEqual({ kind: 'mysql', url: 'mysql://demo@localhost/workspace' });
    expect(analytics?.source).toEqual({
      kind: 'http',
      baseUrl: 'https://analytics.internal.example/api',
      headers: { Authorization: 'Bearer demo' },
      timeoutMs: 5000,
      retries: 2,
    });
    expect(sdk?.source).toBeUndefined();
    expect(
      load({ ...env, ACCOUNTS_DATABASE_URL: 'postgres://acc' }).systems[0]?.source,
    ).toMatchObject({
      url: 'postgres://acc',
    });
  });

  it('fills collection defaults and accepts a bare primary key', () => {
    const users = collection(map, 'accounts', 'users');
    expect(users).toMatchObject({
      address: { system: 'accounts', collection: 'users' },
      table: 'users',
      primaryKey: ['id'],
      erasure: 'delete',
      legalBasis: 'contract',
      retention: { days: 1825, description: 'Five years after account closure.' },
    });
    expect(collection(map, 'accounts', 'verification_codes').primaryKey).toEqual(['id']);
    expect(collection(map, 'workspace', 'organizations').erasure).toBe('rewrite');
  });

  it('resolves references in both spellings, with their follow direction', () => {
    expect(field(map, 'workspace', 'employees', 'user_id')).toMatchObject({
      references: { system: 'accounts', collection: 'users', field: 'id' },
      follow: 'down',
    });
    expect(field(map, 'workspace', 'employees', 'org_id').follow).toBe('up');
    expect(field(map, 'workspace', 'employees', 'manager_id')).toMatchObject({
      references: { system: 'workspace', collection: 'employees', field: 'id' },
      follow: 'none',
    });
  });

  it('reads fields: column default, identity, type, and YAML null as the erasure method', () => {
    expect(field(map, 'accounts', 'users', 'email')).toMatchObject({
      address: { system: 'accounts', collection: 'users', field: 'email' },
      column: 'email',
      category: 'user.contact.email',
      identity: 'email',
    });
    expect(field(map, 'accounts', 'users', 'id').type).toBe('bigint');
    expect(field(map, 'accounts', 'users', 'password_hash').erasure).toBe('null');
  });

  it('hashes the file as written, not as expanded', () => {
    const expected = createHash('sha256').update(text).digest('hex');
    expect(map.contentHash).toBe(expected);
    expect(load({ ...env, ACCOUNTS_DATABASE_URL: 'postgres://other' }).contentHash).toBe(expected);
    expect(map.sourceFile).toBe(FIXTURE);
  });
});

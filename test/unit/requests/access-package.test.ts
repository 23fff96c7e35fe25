import type { AccessPackage, PackageCollection } from '../../../src/core/requests/access-package';
import {
  ACCESS_PACKAGE_FORMAT,
  buildAccessPackage,
  CATALOGUE_ONLY_NOTE,
} from '../../../src/core/requests/access-package';
import { packageContentHash, serializePackage } from '../../../src/core/requests/serialize-package';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import { findPerson, worldGraph, worldMap, worldTables } from './world';

const map = worldMap();
const graph = worldGraph(map);
const GENERATED = '2025-06-01T00:00:00.000Z';

async function annPackage(change: (ann: SubjectGraph) => SubjectGraph = (a) => a) {
  const ann = change(await findPerson(graph, worldTables(), 'uid', '1'));
  return buildAccessPackage({ map, graph: ann, generatedAt: GENERATED, requestId: 'req-1' });
}

function collection(pkg: AccessPackage, address: string): PackageCollection {
  const [system, key] = address.split('.');
  const found = pkg.systems.find((s) => s.key === system)?.collections.find((c) => c.key === key);
  if (!found) throw new Error(`no ${address} in the package`);
  return found;
}

const row = (pkg: AccessPackage, address: string, field: string, value: unknown) =>
  collection(pkg, address).rows.find((r) => r.values[field] === value);

describe('buildAccessPackage', () => {
  it('groups her rows by system and collection, with what the map says about each', async () => {
    const pkg = await annPackage();
    expect(pkg).toMatchObject({
      format: ACCESS_PACKAGE_FORMAT,
      requestId: 'req-1',
      generatedAt: GENERATED,
      organization: 'World Co',
      dataMap: map.contentHash,
      complete: true,
      unavailableSystems: [],
    });
    expect(pkg.systems.map((s) => `${s.key}:${s.collections.map((c) => c.key).join(',')}`)).toEqual(
      [
        'acct:users',
        'work:orgs,employees,tasks,approvals,comments',
        'sec:devices,user_devices,logs',
        'sdk:push',
      ],
    );
    expect(collection(pkg, 'acct.users')).toEqual({
      key: 'users',
      description: 'One row per account',
      purposes: [{ key: 'ops', name: 'Operations' }],
      legalBasis: { key: 'contract', description: expect.any(String) },
      retention: { days: 365, description: 'A year after closing' },
      fields: [
        { key: 'id', category: 'user.unique_id' },
        { key: 'email', category: 'user.contact.email' },
        { key: 'name', category: 'user.name' },
      ],
      rows: [
        {
          relation: 'own',
          values: { id: 1, email: 'ann@example.com', name: 'Ann Lee' },
          redacted: [],
        },
      ],
    });
  });

  it('lists a catalogue-only system with a note that it cannot be queried', async () => {
    const sdk = (await annPackage()).systems.find((s) => s.key === 'sdk');
    expect(sdk).toMatchObject({ queryable: false, note: CATALOGUE_ONLY_NOTE, name: 'Push SDK' });
    expect(sdk?.collections).toEqual([
      expect.objectContaining({
        key: 'push',
        fields: [{ key: 'device_id', category: 'user.device.device_id' }],
        rows: [],
      }),
    ]);
  });

  it('marks related rows: a shared device, her organisations, logs of her devices', async () => {
    const pkg = await annPackage();
    expect(collection(pkg, 'work.orgs').rows.map((r) => r.relation)).toEqual([
      'related',
      'related',
    ]);
    expect(row(pkg, 'sec.devices', 'device_id', 'D1')?.relation).toBe('related');
    expect(row(pkg, 'work.employees', 'id', 100)?.relation).toBe('own');
  });

  it.each([
    ['an approval by another employee: the approver', 'work.approvals', 5000, ['approver_id']],
    [
      'an approval by an anonymised employee: still someone else',
      'work.approvals',
      5002,
      ['approver_id'],
    ],
    ['her self-approval: nothing', 'work.approvals', 5001, []],
    ['another person’s reply to her: its author', 'work.comments', 4, ['author_id']],
    [
      'her reply in another person’s thread: the comment answered',
      'work.comments',
      2,
      ['reply_to'],
    ],
    ['a log of her device naming another user: the user', 'sec.logs', 3, ['user_id']],
    ['her employee row: nothing (the organisation is shown as related)', 'work.employees', 100, []],
  ])('withholds other people’s data in %s', async (_case, address, id, redacted) => {
    const pkg = await annPackage();
    const found = row(pkg, address, 'id', id);
    expect(found?.redacted).toEqual(redacted);
    for (const field of redacted) expect(found?.values[field]).toBeNull();
  });

  it('never carries another person’s identities', async () => {
    const { json } = serializePackage(await annPackage());
    expect(json).not.toMatch(/bob@|"uid","value":"2"/);
  });

  it('lists her identities, sorted', async () => {
    expect((await annPackage()).identities).toEqual([
      { kind: 'device', value: 'D1' },
      { kind: 'device', value: 'D2' },
      { kind: 'device', value: 'D3' },
      { kind: 'email', value: 'ann@example.com' },
      { kind: 'email', value: 'ann@work.example' },
      { kind: 'uid', value: '1' },
    ]);
  });

  it('says it is incomplete, naming the systems that did not answer (not their errors)', async () => {
    const pkg = await annPackage((ann) => ({
      ...ann,
      failures: [
        { system: 'sec', message: 'ECONNREFUSED 10.0.0.3:5432' },
        { system: 'acct', message: 'timeout' },
      ],
    }));
    expect(pkg.complete).toBe(false);
    expect(pkg.unavailableSystems).toEqual(['acct', 'sec']);
    expect(serializePackage(pkg).json).not.toContain('ECONNREFUSED');
    expect((await annPackage((ann) => ({ ...ann, truncated: true }))).complete).toBe(false);
  });

  it('takes the caller’s view of which rows are hers', async () => {
    const ann = await findPerson(graph, worldTables(), 'uid', '1');
    const pkg = buildAccessPackage({
      map,
      graph: ann,
      ownRows: new Map([['acct.users', new Set(['["1"]'])]]),
      generatedAt: GENERATED,
      requestId: 'req-1',
    });
    expect(row(pkg, 'work.employees', 'id', 100)?.relation).toBe('related');
    expect(row(pkg, 'work.tasks', 'id', 1000)?.redacted).toEqual(['assignee_id']);
  });

  it('is the same document whatever order the traversal found rows in', async () => {
    const forward = serializePackage(await annPackage());
    const reversed = serializePackage(
      await annPackage((ann) => ({
        ...ann,
        identities: [...ann.identities].reverse(),
        rows: new Map([...ann.rows].reverse().map(([a, rows]) => [a, [...rows].reverse()])),
      })),
    );
    expect(reversed).toEqual(forward);
    expect(forward.contentHash).toBe(packageContentHash(forward.json));
    expect(forward.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

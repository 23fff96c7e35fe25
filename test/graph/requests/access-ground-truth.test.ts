/**
 * The access package against the generators' ground truth (issue #5 acceptance: "equals the
 * generator's ground truth exactly: every row of theirs in every system, nothing of anyone
 * else"), on the seeded demo world and on the unrelated Acme fixture world. Each export runs
 * as it does for the DPO: requestAccess → a worker runs the export task → downloadPackage.
 *
 * The seeded worlds are shared with every other graph test: access requests only read them.
 */
import type { DemoPerson } from '../../../seeds/demo/generate';
import { generateDemoWorld } from '../../../seeds/demo/generate';
import type { AccessPackage } from '../../../src/core/requests/access-package';
import { CATALOGUE_ONLY_NOTE } from '../../../src/core/requests/access-package';
import type { AcmePerson } from '../../fixtures/acme/generate';
import { generateAcmeWorld } from '../../fixtures/acme/generate';
import { ACME_MAP, ACME_POLICY, DEMO_MAP, DEMO_POLICY } from '../../support/gateway-harness';
import type { Export } from '../../support/package-ground-truth';
import {
  collectionOf,
  expectGroundTruth,
  exportAll,
  ownersOf,
  ownSystems,
  packageRows,
} from '../../support/package-ground-truth';
import type { TestRequestsRuntime } from '../../support/requests-runtime';
import { startRequestsRuntime } from '../../support/requests-runtime';

jest.setTimeout(120_000);

describe('the access package on the demo world', () => {
  const world = generateDemoWorld({
    subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
    seed: 7,
  });
  const queryable = [
    'accounts',
    'analytics',
    'compliance',
    'security',
    'support',
    'tracking',
    'workspace',
  ];
  const everywhere = world.people.find(
    (p) => p.flags.systems.length === queryable.length && p.identities.phone.length > 0,
  )!;
  const fewest = Math.min(...world.people.map((p) => p.flags.systems.length));
  const few = world.people.find((p) => p.flags.systems.length === fewest)!;
  const sharer = world.people.find(
    (p) => p.flags.sharesDeviceWith !== undefined && !p.flags.workspaceOnly,
  )!;
  const partner = world.people[sharer.flags.sharesDeviceWith!]!;
  const seedOf = (p: DemoPerson) =>
    p.identities.phone.length > 0
      ? { kind: 'phone', value: p.identities.phone[0]! }
      : { kind: 'email', value: p.identities.email[0]! };

  let requests: TestRequestsRuntime;
  let exports: Map<number, Export>;

  beforeAll(async () => {
    requests = await startRequestsRuntime(DEMO_MAP, DEMO_POLICY);
    // the first person by the phone as they would type it: the service normalises it
    exports = await exportAll(
      requests.runtime,
      new Map([
        [everywhere.index, { kind: 'phone', value: everywhere.typedPhone }],
        ...[few, sharer, partner].map((p) => [p.index, seedOf(p)] as const),
      ]),
    );
  });
  afterAll(() => requests?.close());

  const owners = ownersOf(world);
  const pkgOf = (p: DemoPerson): AccessPackage => exports.get(p.index)!.pkg;
  const check = (p: DemoPerson) =>
    expectGroundTruth(world, owners, requests.runtime.map, p.index, pkgOf(p));

  it('a person present in every system: every row of theirs, own and related, and nothing else', () => {
    expect(everywhere.flags.systems).toEqual(queryable);
    check(everywhere);
    const pkg = pkgOf(everywhere);
    expect(ownSystems(pkg)).toEqual(queryable);
    expect(pkg).toMatchObject({ complete: true, unavailableSystems: [] });
    expect(pkg.identities).toContainEqual({ kind: 'phone', value: everywhere.identities.phone[0] });
  });

  it('a person present in only a few systems: those systems, no others', () => {
    expect(few.flags.systems.length).toBeLessThan(queryable.length);
    check(few);
    expect(ownSystems(pkgOf(few))).toEqual(few.flags.systems);
  });

  it('two people sharing a device: the device in both exports, neither one’s own rows in the other’s', () => {
    check(sharer);
    check(partner);
    const devicesOf = (p: DemoPerson) =>
      (collectionOf(pkgOf(p), 'security.devices')?.rows ?? [])
        .filter((r) => r.relation === 'related')
        .map((r) => String(r.values.device_id));
    const shared = devicesOf(sharer).filter((id) => devicesOf(partner).includes(id));
    expect(shared.length).toBeGreaterThan(0);
    for (const [a, b] of [
      [sharer, partner],
      [partner, sharer],
    ] as const) {
      const inA = new Set(
        packageRows(requests.runtime.map, pkgOf(a)).map(
          (r) => `${r.address} ${JSON.stringify(r.key)}`,
        ),
      );
      const ofB = [...world.groundTruthParts(b.index).subject].flatMap(([address, keys]) =>
        [...keys].map((key) => `${address} ${key}`),
      );
      expect({ of: b.index, in: a.index, rows: ofB.filter((row) => inA.has(row)) }).toEqual({
        of: b.index,
        in: a.index,
        rows: [],
      });
      // nor the other person's identities or names anywhere in the document
      const text = exports.get(a.index)!.text;
      for (const value of [
        ...b.identities.phone,
        ...b.identities.email,
        b.names.english,
        ...(b.names.chinese ? [b.names.chinese] : []),
      ])
        expect(text.includes(value) ? `${value} of ${b.index} in ${a.index}` : 'ok').toBe('ok');
    }
  });

  it('describes each collection as the map does: categories, purposes, legal basis, retention', () => {
    const users = collectionOf(pkgOf(everywhere), 'accounts.users')!;
    const def = requests.runtime.map.systems
      .find((s) => s.key === 'accounts')!
      .collections.find((c) => c.key === 'users')!;
    expect(users).toMatchObject({
      key: 'users',
      description: 'One row per registered account',
      legalBasis: { key: 'contract' },
      retention: {
        days: 1825,
        description: 'While the account is open, then five years for disputes',
      },
    });
    expect(users.legalBasis?.description).toBe(
      requests.runtime.map.legalBases.get('contract')?.description,
    );
    expect(users.purposes.map((p) => p.key)).toEqual([
      'account_management',
      'service_delivery',
      'customer_service',
      'security_operations',
      'analytics',
      'marketing',
      'dsar',
    ]);
    expect(users.purposes).toContainEqual({ key: 'marketing', name: 'Marketing' });
    expect(users.fields).toEqual(def.fields.map((f) => ({ key: f.key, category: f.category })));
    expect(users.fields).toContainEqual({ key: 'phone', category: 'user.contact.phone_number' });
    expect(users.fields).toContainEqual({ key: 'created_at' });
    const [row] = users.rows;
    expect(row).toMatchObject({ relation: 'own', redacted: [] });
    expect(String(row?.values.id)).toBe(everywhere.identities.user_id[0]);
    // a catalogue-only system is listed with what it receives, and says it cannot be queried
    const sdks = pkgOf(everywhere).systems.find((s) => s.key === 'third_party_sdks');
    expect(sdks).toMatchObject({ queryable: false, note: CATALOGUE_ONLY_NOTE });
    expect(sdks?.collections.map((c) => c.key)).toEqual(['jpush', 'amap_location', 'bugly']);
    expect(sdks?.collections.every((c) => c.rows.length === 0)).toBe(true);
  });
});

describe('the access package on the Acme fixture world', () => {
  const world = generateAcmeWorld({ subjects: 60, seed: 11 });
  const memberSystems = ['billing', 'clinic', 'registry'];
  const everywhere = world.people.find(
    (p) => p.role === 'member' && p.flags.systems.join() === memberSystems.join(),
  )!;
  const few = world.people.find((p) => p.role === 'member' && p.flags.systems.length === 1)!;
  const referred = world.people.find((p) => p.flags.referredBy !== undefined)!;
  const referrer = world.people[referred.flags.referredBy!]!;
  const reporting = world.people.find((p) => p.flags.managerIndex !== undefined)!;
  const manager = world.people[reporting.flags.managerIndex!]!;

  let requests: TestRequestsRuntime;
  let exports: Map<number, Export>;

  beforeAll(async () => {
    requests = await startRequestsRuntime(ACME_MAP, ACME_POLICY);
    const seedOf = (p: AcmePerson) =>
      p.typed.memberNo !== undefined
        ? { kind: 'member_no', value: p.typed.memberNo }
        : { kind: 'email', value: p.identities.email[0]! };
    exports = await exportAll(
      requests.runtime,
      new Map(
        [everywhere, few, referred, referrer, reporting, manager].map((p) => [p.index, seedOf(p)]),
      ),
    );
  });
  afterAll(() => requests?.close());

  const owners = ownersOf(world);
  const pkgOf = (p: AcmePerson): AccessPackage => exports.get(p.index)!.pkg;
  const check = (p: AcmePerson) =>
    expectGroundTruth(world, owners, requests.runtime.map, p.index, pkgOf(p));

  it('a member present in every system a member is in (composite keys, two-hop tables)', () => {
    check(everywhere);
    expect(ownSystems(pkgOf(everywhere))).toEqual(memberSystems);
    expect(collectionOf(pkgOf(everywhere), 'clinic.befunde')?.rows.length).toBeGreaterThan(0);
  });

  it('a member present in one system only', () => {
    check(few);
    expect(ownSystems(pkgOf(few))).toEqual(few.flags.systems);
  });

  it('a referred member and their referrer: each export is its own person’s, the other withheld', () => {
    check(referred);
    check(referrer);
    // the referrer's row is in the referred member's export, and nothing personal of it
    const memberRow = (p: AcmePerson) =>
      world.rows['registry.mitglieder']!.find((r) => r.member_no === p.identities.member_no[0])!;
    const own = new Set(Object.values(memberRow(referred)).map(String));
    const theirs = [
      'member_no',
      'vorname',
      'nachname',
      'geburtsdatum',
      'straße',
      'email',
      'telefon',
    ]
      .map((field) => memberRow(referrer)[field])
      .filter((value) => value !== null && value !== undefined && !own.has(String(value)))
      .map(String);
    expect(theirs.length).toBeGreaterThan(3);
    const text = exports.get(referred.index)!.text;
    for (const value of theirs)
      expect(text.includes(value) ? `${value} of ${referrer.index}` : 'ok').toBe('ok');
  });

  it('a member of staff and their manager (the self-referencing org chart)', () => {
    check(reporting);
    check(manager);
  });

  it('describes a collection as the map does', () => {
    const termine = collectionOf(pkgOf(everywhere), 'clinic.termine')!;
    expect(termine).toMatchObject({
      description: 'Appointments',
      legalBasis: { key: 'vital_interests' },
      retention: { days: 3650, description: 'Ten years after the last treatment (BGB § 630f)' },
      purposes: [
        { key: 'care', name: 'Medical care' },
        { key: 'billing', name: 'Billing' },
        { key: 'dsar', name: 'Data-subject requests (GDPR art. 15–22)' },
      ],
    });
    expect(termine.fields).toContainEqual({ key: 'grund', category: 'user.health_and_medical' });
    expect(termine.fields).toContainEqual({ key: 'beginn' });
  });
});

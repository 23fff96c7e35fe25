/**
 * Rows that are not the queried subject's own (docs/decisions.md "Related rows: consent, age,
 * audit and exports"), on a shop where customers refer each other and share devices:
 * - consent (SPEC §4.3): Ethan consented to marketing, Alice — who referred him — did not, so
 *   her row in his graph is denied `NO_CONSENT` field by field; his own row is as before;
 * - age: a related row is a possible minor unless its own date of birth says otherwise;
 * - a row found by his shared device and naming nobody else is decided as his; one that is
 *   someone else's (a phone registered to Alice, Bob's login on the shared tablet) is not;
 * - audit (SPEC §7): the read names Alice too, so "who accessed my data" finds it from her
 *   e-mail; one event per person per operation;
 * - export (SPEC §6): Bob's own row does not name his referrer.
 */
import { createHmac } from 'node:crypto';
import { subjectKey } from '../../src/core/identity/subject-key';
import {
  createRequestWorker,
  downloadPackage,
  REQUEST_TASK_HANDLERS,
  requestAccess,
} from '../../src/requests';
import { TEST_KEYS, execute } from '../support/gateway-harness';
import type { Person, PersonName, ReferralWorld } from '../support/referral-world';
import { startReferralWorld } from '../support/referral-world';
import { eventsOfRequest, requestIdOf } from './audit/audit-events-of';

jest.setTimeout(60_000);

const AS_OF = new Date('2026-11-30T00:00:00Z');
let world: ReferralWorld;
let people: Record<PersonName, Person>;

beforeAll(async () => {
  world = await startReferralWorld(AS_OF);
  people = world.people;
});
afterAll(() => world?.close());

const MARKETING = { role: 'marketing-app', subject: 'related-rows-test:marketing' };
const SUPPORT = { role: 'support-agent', subject: 'related-rows-test:support' };
const DPO = { role: 'dpo', subject: 'related-rows-test:dpo' };

const CUSTOMERS = '{ shop { customers { id email full_name date_of_birth created_at } } }';
const query = (purpose: string, selection = CUSTOMERS) =>
  `query Q($by: IdentityInput!) @purpose(name: "${purpose}") { subject(by: $by) ${selection} }`;

type Row = Record<string, string | null>;
type Result = Awaited<ReturnType<typeof execute>>;
const rowsOf = (result: Result, collection: string): Row[] =>
  (result.data?.subject as { shop: Record<string, Row[]> }).shop[collection] ?? [];
const hmac = (value: string) =>
  `h_${createHmac('sha256', TEST_KEYS.hashKey).update(value, 'utf8').digest('hex')}`;
const keysOf = (p: Person) =>
  [
    subjectKey(TEST_KEYS.hashKey, 'email', p.email ?? ''),
    subjectKey(TEST_KEYS.hashKey, 'phone', `+86${(p.mobile ?? '').replace(/\D/g, '').slice(-11)}`),
  ].sort();
const reasons = (result: Result) =>
  new Map((result.errors ?? []).map((e) => [e.extensions?.coordinate, e.extensions?.reason]));
/** Every value of Alice's that marketing must not see, in any form. */
const aliceValues = () => [
  'li.chen',
  '陈',
  '1990',
  '10000001',
  hmac(people.alice.id),
  people.alice.id,
];

describe('consent: a related row is decided as another person’s', () => {
  it('marketing reads Ethan’s own row as before, and nothing personal of Alice’s', async () => {
    const result = await execute(
      world.gateway,
      query('marketing'),
      { by: { email: people.ethan.email } },
      MARKETING,
    );
    const rows = rowsOf(result, 'customers');
    expect(rows).toHaveLength(2);
    const own = rows.find((r) => r.id === hmac(people.ethan.id));
    expect(own).toMatchObject({ date_of_birth: '1985', created_at: expect.any(String) });
    expect(own?.email).toMatch(/^tok_/);
    expect(own?.full_name).not.toBeNull();
    const alices = rows.find((r) => r !== own);
    expect(alices).toEqual({
      id: null,
      email: null,
      full_name: null,
      date_of_birth: null,
      created_at: expect.any(String),
    });
    for (const field of ['id', 'email', 'full_name', 'date_of_birth'])
      expect(reasons(result).get(`ShopCustomers.${field}`)).toBe('NO_CONSENT');
    const text = JSON.stringify(result);
    for (const value of aliceValues()) expect(text).not.toContain(value);
  });

  it('Alice queried herself is refused as a whole, as before', async () => {
    const result = await execute(
      world.gateway,
      query('marketing'),
      { by: { email: people.alice.email } },
      MARKETING,
    );
    expect(reasons(result).get('ShopData.customers')).toBe('NO_CONSENT');
  });
});

describe('age: a related row is a possible minor unless its own date of birth says not', () => {
  const names = async (person: Person) => {
    const result = await execute(
      world.gateway,
      query('service'),
      { by: { email: person.email } },
      SUPPORT,
    );
    return { result, rows: rowsOf(result, 'customers') };
  };

  it('Alice, an adult by her own row, is read as the support agent reads adults', async () => {
    const { rows } = await names(people.ethan);
    expect(rows.map((r) => r.full_name).sort()).toEqual(['Ethan Li', '陈丽']);
  });

  it('Mia, a child, and Gus, whose age nothing says, are at most de-identified — the reason not shown', async () => {
    for (const [subject, referrer] of [
      [people.dan, people.mia],
      [people.finn, people.gus],
    ] as const) {
      const { result, rows } = await names(subject);
      expect(rows.find((r) => r.id === subject.id)?.full_name).toBe(subject.name);
      // even the id is at most de-identified on a possible minor's row
      const related = rows.find((r) => r.full_name !== subject.name);
      expect(related?.id).not.toBe(referrer.id);
      expect(related?.full_name).not.toBeNull();
      expect(related?.full_name).not.toBe(referrer.name);
      expect(related?.full_name?.[0]).toBe(referrer.name[0]);
      expect(JSON.stringify(result)).not.toMatch(/MINOR/);
      const privacy = result.extensions?.privacy as { deidentified: { coordinate: string }[] };
      expect(privacy.deidentified.map((d) => d.coordinate)).toContain('ShopCustomers.full_name');
    }
  });
});

describe('rows found by a shared identity', () => {
  const DEVICES =
    '{ shop { devices { device_id owner_email model } device_logins { id device_id at } } }';

  it('a shared tablet naming nobody is decided as his; Alice’s phone and Bob’s login are not', async () => {
    const result = await execute(
      world.gateway,
      query('marketing', DEVICES),
      { by: { email: people.ethan.email } },
      MARKETING,
    );
    const devices = rowsOf(result, 'devices');
    expect(devices).toContainEqual({
      device_id: 'pad-shared',
      owner_email: null,
      model: 'MatePad',
    });
    expect(devices).toContainEqual({ device_id: null, owner_email: null, model: null });
    const logins = new Map(rowsOf(result, 'device_logins').map((r) => [r.id, r.device_id]));
    expect(logins).toEqual(
      new Map([
        [1, 'pad-shared'],
        [2, null],
        [3, 'phone-alice'],
        [4, null],
      ]),
    );
    expect(reasons(result).get('ShopDevices.model')).toBe('NO_CONSENT');
    expect(JSON.stringify(result)).not.toContain('Mate 60');
  });
});

describe('audit: the people of related rows are data subjects of the read', () => {
  it('names Alice by the identities her rows carry, with what she was refused', async () => {
    const result = await execute(
      world.gateway,
      query('marketing'),
      { by: { email: people.ethan.email } },
      MARKETING,
    );
    const events = await eventsOfRequest(world.gateway.store, requestIdOf(result));
    expect(events.map((e) => e.content.kind)).toEqual(['read', 'read']);
    const ethans = events.find((e) => e.content.subjectKeys.includes(keysOf(people.ethan)[0]!));
    const alices = events.find((e) => e !== ethans)!;
    expect(ethans?.content.subjectKeys).toEqual(keysOf(people.ethan));
    expect(ethans?.content.detail).toEqual({ operation: 'Q' });
    expect(alices.content.subjectKeys).toEqual(keysOf(people.alice));
    expect(alices.content.detail).toEqual({ operation: 'Q', relation: 'related' });
    expect(alices.content.coordinates).toEqual(
      ['date_of_birth', 'email', 'full_name', 'id'].map((field) => ({
        coordinate: `ShopCustomers.${field}`,
        effect: 'deny',
        reason: 'NO_CONSENT',
      })),
    );
    for (const event of events)
      for (const value of [...aliceValues(), 'ethan.li', 'Ethan', '13910000002'])
        expect(event.text).not.toContain(value);
  });

  it('“who accessed my data” from Alice’s e-mail finds the reads of Ethan and Bob', async () => {
    const reads = await Promise.all(
      [people.ethan, people.bob].map(async (p) =>
        requestIdOf(
          await execute(world.gateway, query('marketing'), { by: { email: p.email } }, MARKETING),
        ),
      ),
    );
    const found = await execute(
      world.gateway,
      `query W($subject: CatalogSubjectInput) { auditEvents(subject: $subject, first: 100) { events { requestId kind detail } } }`,
      { subject: { kind: 'email', value: people.alice.email?.toUpperCase() } },
      DPO,
    );
    expect(found.errors).toBeUndefined();
    const ids = (found.data?.auditEvents as { events: { requestId: string }[] }).events.map(
      (e) => e.requestId,
    );
    for (const id of reads) expect(ids).toContain(id);
  });

  it('one event per person: Alice met by two subjects of one operation is one event', async () => {
    const result = await execute(
      world.gateway,
      `query Q($a: IdentityInput!, $b: IdentityInput!) @purpose(name: "marketing") { subjects(by: [$a, $b]) ${CUSTOMERS} }`,
      { a: { email: people.ethan.email }, b: { email: people.bob.email } },
      MARKETING,
    );
    const events = await eventsOfRequest(world.gateway.store, requestIdOf(result));
    const naming = (p: Person) =>
      events.filter((e) => e.content.subjectKeys.some((k) => keysOf(p).includes(k)));
    expect(naming(people.alice)).toHaveLength(1);
    expect(naming(people.ethan)).toHaveLength(1);
    expect(naming(people.bob)).toHaveLength(1);
    expect(events).toHaveLength(3);
  });

  it('a related row naming nobody is recorded in a keyless event of its own', async () => {
    const result = await execute(
      world.gateway,
      query('service'),
      { by: { email: people.finn.email } },
      SUPPORT,
    );
    const events = await eventsOfRequest(world.gateway.store, requestIdOf(result));
    const keyless = events.filter((e) => e.content.subjectKeys.length === 0);
    expect(keyless).toHaveLength(1);
    expect(keyless[0]?.content.detail).toMatchObject({ relation: 'related' });
    expect(keyless[0]?.content.coordinates).toContainEqual({
      coordinate: 'ShopCustomers.full_name',
      effect: 'transform',
      method: 'mask',
      reason: 'MINOR',
    });
  });
});

describe('export: a reference in the person’s own row names no one else', () => {
  it('Bob’s package: his referred_by and the other customer on his tablet are withheld', async () => {
    const runtime = world.gateway.requests!;
    const actor = { subject: 'related-rows-test:dpo', role: 'dpo' };
    const request = await requestAccess(runtime, actor, {
      subject: { kind: 'email', value: people.bob.email ?? '' },
      identityVerification: 'ID card checked at the desk',
    });
    await createRequestWorker(runtime, REQUEST_TASK_HANDLERS, {
      workerId: 'related-rows-test',
      retryDelayMs: 60_000,
    }).drain();
    const pkg = await downloadPackage(runtime, actor, request.id);
    const json = JSON.parse(pkg.json.toString('utf8')) as {
      systems: {
        collections: {
          key: string;
          rows: { relation: string; values: Record<string, unknown>; redacted: string[] }[];
        }[];
      }[];
    };
    const rows = (key: string) =>
      json.systems[0]?.collections.find((c) => c.key === key)?.rows ?? [];
    const own = rows('customers').find((r) => r.relation === 'own');
    expect(own?.values).toMatchObject({ id: 'c-bob', full_name: 'Bob Wang', referred_by: null });
    expect(own?.redacted).toEqual(['referred_by']);
    const alices = rows('customers').find((r) => r.relation === 'related');
    expect(alices?.values.id).toBeNull();
    expect(alices?.redacted).toContain('id');
    // his login on the shared tablet keeps its device (a related row naming nobody else);
    // Ethan's login on it is shown without saying whose it is
    const logins = rows('device_logins');
    expect(logins.find((r) => r.values.id === 2)).toMatchObject({
      relation: 'own',
      values: { customer_id: 'c-bob', device_id: 'pad-shared' },
      redacted: [],
    });
    expect(logins.find((r) => r.values.id === 1)).toMatchObject({
      relation: 'related',
      values: { customer_id: null },
      redacted: ['customer_id'],
    });
    const text = pkg.json.toString('utf8');
    for (const value of ['c-alice', 'c-ethan', '陈丽', 'li.chen', 'Ethan'])
      expect(text).not.toContain(value);
  });
});

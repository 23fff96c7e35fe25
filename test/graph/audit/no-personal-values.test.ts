/**
 * No audit event contains a raw identity or a personal value (SPEC §7 "keyed hash, not the
 * raw identity"; issue #6 acceptance "test scans them against the demo's ground-truth
 * values"): every demo role reads everything it may about people of every kind — an adult, a
 * minor, someone found only at work, someone sharing a device, someone under a legal hold —
 * by every kind of identity, one by one and in a batch, and reverses a token; then every
 * event those reads left is scanned, as stored, for each value the generator made for those
 * people: phones in every format, e-mails, names, user ids, cookie and device ids, dates of
 * birth, and every other personal column of their rows.
 */
import { generateDemoWorld } from '../../../seeds/demo/generate';
import type { DemoPerson } from '../../../seeds/demo/generate';
import { DEMO_TABLES } from '../../../seeds/demo/tables';
import { rowKeyOfPk } from '../../../seeds/lib/ground-truth';
import type { PkValue } from '../../../seeds/lib/ground-truth';
import { tokenizeCanonical } from '../../../src/core/deidentify/tokenize';
import type { TestGateway } from '../../support/gateway-harness';
import {
  DEMO_MAP,
  DEMO_POLICY,
  TEST_KEYS,
  everythingSelection,
  execute,
  loadPolicy,
  startTestGateway,
} from '../../support/gateway-harness';
import { eventsOfActor, requestIdOf } from './audit-events-of';

jest.setTimeout(60_000);

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, {
    now: () => new Date('2026-11-30T00:00:00Z'),
    audit: true,
  });
});
afterAll(() => gateway?.close());

const ROLES = [
  ['dpo', 'dsar'],
  ['support-agent', 'customer_service'],
  ['security-analyst', 'security_operations'],
  ['marketing-app', 'marketing'],
  ['analytics-app', 'analytics'],
] as const;
const actorOf = (role: string) => `audit-scan-test:${role}`;

const pick = (test: (p: DemoPerson) => boolean, why: string): DemoPerson => {
  const found = world.people.find(test);
  if (!found) throw new Error(`the test world has no ${why}`);
  return found;
};
const PEOPLE: readonly DemoPerson[] = [
  pick((p) => p.flags.systems.length >= 7 && !p.flags.minor, 'adult in every system'),
  pick((p) => p.flags.minor && p.identities.phone.length > 0, 'minor with a phone'),
  pick((p) => p.flags.workspaceOnly, 'person found only at work'),
  pick((p) => p.flags.sharesDeviceWith !== undefined, 'person sharing a device'),
  pick((p) => p.flags.legalHold && p.identities.email.length > 0, 'person under a legal hold'),
];

/** One identity of each kind the person has (device ids are shared: they name no one). */
function seedsOf(person: DemoPerson): Record<string, string>[] {
  const seeds: Record<string, string>[] = [];
  if (person.identities.phone[0]) seeds.push({ phone: person.typedPhone });
  if (person.identities.email[0]) seeds.push({ email: person.identities.email[0].toUpperCase() });
  if (person.identities.user_id[0]) seeds.push({ user_id: person.identities.user_id[0] });
  if (person.identities.cookie_id[0]) seeds.push({ cookie_id: person.identities.cookie_id[0] });
  return seeds;
}

/** Words of the map and policy that a personal column may hold as a value too (a consent
 * record's purpose is `marketing`): they are vocabulary, not something about the person. */
function vocabulary(): Set<string> {
  const policy = loadPolicy(DEMO_POLICY, gateway.map);
  return new Set(
    [
      ...gateway.map.purposes.keys(),
      ...gateway.map.categories.keys(),
      ...policy.roles.keys(),
      ...gateway.map.identities.keys(),
    ].map((word) => word.toLowerCase()),
  );
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]|$)/;

/** Every value the generator made for the person that an event must never hold. */
function groundTruthValues(person: DemoPerson, vocab: ReadonlySet<string>): Set<string> {
  const values = new Set<string>();
  const add = (value: unknown) => {
    const text = String(value).trim();
    if (text.length >= 5 && !vocab.has(text.toLowerCase())) values.add(text);
  };
  for (const name of Object.values(person.names)) if (name) values.add(name);
  add(person.typedPhone);
  if (person.dateOfBirth) values.add(person.dateOfBirth);
  for (const phone of person.identities.phone) {
    const national = phone.replace(/^\+86/, '');
    for (const form of [
      phone,
      national,
      `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
      `${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`,
      `+86 ${national}`,
    ])
      add(form);
  }
  for (const kind of ['email', 'user_id', 'cookie_id', 'device_id'] as const)
    for (const value of person.identities[kind]) add(value);
  // the personal columns (those with a category) of the person's own rows
  const own = world.groundTruthParts(person.index).subject;
  for (const spec of DEMO_TABLES) {
    const keys = own.get(spec.address);
    if (!keys) continue;
    const [system, collection] = spec.address.split('.');
    const personal = new Set(
      gateway.map.systems
        .find((s) => s.key === system)
        ?.collections.find((c) => c.key === collection)
        ?.fields.filter((f) => f.category !== undefined)
        .map((f) => f.column) ?? [],
    );
    for (const row of world.rows[spec.address] ?? []) {
      const pk = spec.primaryKey.map((k) => row[k]) as (string | number)[];
      if (!keys.has(rowKeyOfPk((pk.length === 1 ? pk[0] : pk) as PkValue))) continue;
      for (const [column, value] of Object.entries(row))
        if (personal.has(column) && value !== null && !DATE_LIKE.test(String(value))) add(value);
    }
  }
  return values;
}

it('no event of any role’s reads holds a raw identity or a personal value', async () => {
  const selection = everythingSelection(gateway.app.subject.model);
  let operations = 0;
  for (const [role, purpose] of ROLES) {
    const caller = { role, subject: actorOf(role) };
    // per person, the first identity this role may look people up by (lookup-kinds.ts)
    const usable = new Map<DemoPerson, Record<string, string>>();
    for (const person of PEOPLE)
      for (const by of seedsOf(person)) {
        const result = await execute(
          gateway,
          `query Everything($by: IdentityInput!) @purpose(name: "${purpose}") { subject(by: $by) { ${selection} } }`,
          { by },
          caller,
        );
        requestIdOf(result);
        const refused = (result.errors ?? []).some((e) =>
          String(e.extensions?.coordinate).startsWith('IdentityInput.'),
        );
        if (refused) continue;
        operations++;
        if (!usable.has(person)) usable.set(person, by);
      }
    if (usable.size === 0) continue;
    const batch = await execute(
      gateway,
      `query Batch($by: [IdentityInput!]!) @purpose(name: "${purpose}") { subjects(by: $by) { ${selection} } }`,
      { by: [...usable.values()] },
      caller,
    );
    requestIdOf(batch);
    operations++;
  }
  const phone = PEOPLE[0]?.identities.phone[0] ?? '';
  const reversed = await execute(
    gateway,
    'mutation Reverse($t: String!) @purpose(name: "dsar") { reidentify(token: $t) }',
    { t: tokenizeCanonical(phone, TEST_KEYS) },
    { role: 'dpo', subject: actorOf('dpo') },
  );
  expect(reversed.data?.reidentify).toBe(phone);

  const events = (
    await Promise.all(ROLES.map(([role]) => eventsOfActor(gateway.store, actorOf(role))))
  ).flat();
  // every operation touched someone (the workspace-only person has no cookie to be asked by)
  expect(events.length).toBeGreaterThanOrEqual(operations);
  expect(events.filter((e) => e.content.kind === 'reidentify')).toHaveLength(1);

  const vocab = vocabulary();
  // the oracle is not empty: the adult's identities, name and row values are all in it
  const adult = PEOPLE[0] as DemoPerson;
  const adultValues = groundTruthValues(adult, vocab);
  for (const value of [
    adult.identities.phone[0],
    adult.identities.phone[0]?.slice(3),
    adult.identities.email[0],
    adult.identities.user_id[0],
    adult.identities.cookie_id[0],
    adult.identities.device_id[0],
    adult.names.full,
  ])
    expect(adultValues).toContain(value);
  const found: string[] = [];
  for (const person of PEOPLE) {
    const values = [...groundTruthValues(person, vocab)];
    expect(values.length).toBeGreaterThan(5);
    for (const event of events) {
      const text = event.text.toLowerCase();
      for (const value of values)
        if (text.includes(value.toLowerCase()))
          found.push(`event #${event.position} holds "${value}" of person ${person.index}`);
    }
  }
  expect(found).toEqual([]);
  for (const event of events)
    for (const key of event.content.subjectKeys) expect(key).toMatch(/^[a-z_]+:[0-9a-f]{64}$/);
});

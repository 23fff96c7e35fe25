/**
 * The audit events of reads (SPEC §7, issue #6 acceptance "every demo query … leaves exactly
 * the audit events it should"): the documented query of each demo role (docs/access.md) leaves
 * one `read` event per data subject it touched — who, role, purpose, the subject's keyed
 * identity hashes, every coordinate with the decision it got (denied ones included), the
 * policy and map versions — found by the response's `extensions.privacy.requestId`. A refused
 * operation leaves none; a re-identification leaves its own event.
 */
import { generateDemoWorld } from '../../../seeds/demo/generate';
import type { DemoPerson } from '../../../seeds/demo/generate';
import type { AuditCoordinate } from '../../../src/core/audit/audit-event';
import { tokenizeCanonical } from '../../../src/core/deidentify/tokenize';
import type { TestGateway } from '../../support/gateway-harness';
import { DEMO_MAP, TEST_KEYS, execute, startTestGateway } from '../../support/gateway-harness';
import { demoSubjectKeys, eventsOfActor, eventsOfRequest, requestIdOf } from './audit-events-of';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const AS_OF = new Date('2026-11-30T00:00:00Z');
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { now: () => AS_OF, audit: true });
});
afterAll(() => gateway?.close());

/** Callers named for this file alone, so counting an actor's events counts this file's. */
const caller = (role: string) => ({ role, subject: `audit-read-test:${role}` });

/** docs/access.md's adult who consented to marketing and analytics, in every system. */
const consenting: DemoPerson = world.people.find((p) => {
  const records = (world.rows['compliance.consent_records'] ?? []).filter(
    (r) => String(r.user_id) === p.identities.user_id[0],
  );
  const granted = (purpose: string) =>
    records.filter((r) => r.purpose === purpose).pop()?.granted === true;
  return (
    p.flags.systems.length >= 7 && !p.flags.minor && granted('marketing') && granted('analytics')
  );
})!;

/** The documented query's collections: (system field, collection field) → type and columns. */
const LOOK_COLLECTIONS = [
  {
    system: 'accounts',
    collection: 'users',
    parent: 'AccountsData',
    type: 'AccountsUsers',
    fields: ['id', 'full_name', 'email', 'phone', 'password_hash', 'date_of_birth', 'gender'],
  },
  {
    system: 'analytics',
    collection: 'events',
    parent: 'AnalyticsData',
    type: 'AnalyticsEvents',
    fields: ['page', 'ip'],
  },
  {
    system: 'security',
    collection: 'devices',
    parent: 'SecurityData',
    type: 'SecurityDevices',
    fields: ['device_id', 'model'],
  },
];

const look = (purpose: string) =>
  `query Look($by: IdentityInput!) @purpose(name: "${purpose}") { subject(by: $by) { ${LOOK_COLLECTIONS.map(
    (c) => `${c.system} { ${c.collection} { ${c.fields.join(' ')} } }`,
  ).join(' ')} } }`;

type Result = Awaited<ReturnType<typeof execute>>;

/**
 * The coordinates the response shows were decided: every selected column of a collection
 * that returned rows — denied (its FORBIDDEN error and reason), de-identified (its method), or
 * else allowed. A collection denied as a whole returns no rows, so none of its columns: its
 * own coordinate is recorded, with the refusal's reason.
 */
function decidedIn(result: Result): AuditCoordinate[] {
  const denied = new Map(
    (result.errors ?? []).map((e) => [
      String(e.extensions?.coordinate),
      String(e.extensions?.reason),
    ]),
  );
  const privacy = result.extensions?.privacy as {
    deidentified: { coordinate: string; method: string }[];
  };
  const methods = new Map(privacy.deidentified.map((d) => [d.coordinate, d.method]));
  const subject = result.data?.subject as Record<string, Record<string, unknown[] | null>>;
  const decided: AuditCoordinate[] = [];
  for (const c of LOOK_COLLECTIONS) {
    const rows = subject[c.system]?.[c.collection];
    const refused = denied.get(`${c.parent}.${c.collection}`);
    if (refused !== undefined)
      decided.push({ coordinate: `${c.parent}.${c.collection}`, effect: 'deny', reason: refused });
    if (refused !== undefined || !rows || rows.length === 0) continue;
    for (const field of c.fields) {
      const coordinate = `${c.type}.${field}`;
      const reason = denied.get(coordinate);
      const method = methods.get(coordinate);
      decided.push(
        reason !== undefined
          ? { coordinate, effect: 'deny', reason }
          : method !== undefined
            ? { coordinate, effect: 'transform', method, reason: 'RULE' }
            : { coordinate, effect: 'allow', reason: 'RULE' },
      );
    }
  }
  return decided.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}

describe.each([
  ['dpo', 'dsar'],
  ['support-agent', 'customer_service'],
  ['security-analyst', 'security_operations'],
  ['marketing-app', 'marketing'],
  ['analytics-app', 'analytics'],
])('the documented query as %s (%s)', (role, purpose) => {
  it('leaves one read event: who, why, whom (keyed), each coordinate with its decision', async () => {
    const result = await execute(
      gateway,
      look(purpose),
      // an identity every role may look people up by (the apps may not read phones at all)
      { by: { user_id: consenting.identities.user_id[0] } },
      caller(role),
    );
    expect(result.data?.subject).toBeTruthy();
    const requestId = requestIdOf(result);
    const privacy = result.extensions?.privacy as { policyVersion: string; dataMapVersion: string };
    const events = await eventsOfRequest(gateway.store, requestId);
    expect(events).toHaveLength(1);
    const decided = decidedIn(result);
    expect(decided.length).toBeGreaterThan(0);
    expect(events[0]?.content).toEqual({
      kind: 'read',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actor: `audit-read-test:${role}`,
      role,
      purpose,
      subjectKeys: demoSubjectKeys(consenting),
      coordinates: decided,
      requestId,
      policyVersion: privacy.policyVersion,
      dataMapVersion: privacy.dataMapVersion,
      detail: { operation: 'Look' },
    });
  });
});

it('records denied coordinates too: a query that got nothing but FORBIDDEN is still audited', async () => {
  const result = await execute(
    gateway,
    'query Q($by: IdentityInput!) @purpose(name: "customer_service") { subject(by: $by) { accounts { users { password_hash } } } }',
    { by: { user_id: consenting.identities.user_id[0] } },
    caller('support-agent'),
  );
  expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const events = await eventsOfRequest(gateway.store, requestIdOf(result));
  expect(events.map((e) => e.content.coordinates)).toEqual([
    [{ coordinate: 'AccountsUsers.password_hash', effect: 'deny', reason: 'RULE' }],
  ]);
});

it('leaves one read event per data subject of a batch, each with that person’s keys only', async () => {
  const people = world.people
    .filter((p) => !p.flags.workspaceOnly && !p.flags.minor && p.identities.phone.length > 0)
    .slice(0, 4);
  const result = await execute(
    gateway,
    'query Q($by: [IdentityInput!]!) @purpose(name: "customer_service") { subjects(by: $by) { accounts { users { full_name phone } } } }',
    { by: [...people.map((p) => ({ phone: p.identities.phone[0] })), { phone: '13000000000' }] },
    caller('support-agent'),
  );
  expect(result.errors).toBeUndefined();
  const events = await eventsOfRequest(gateway.store, requestIdOf(result));
  // the unknown phone touched nobody's data: no event for it
  expect(events.map((e) => e.content.subjectKeys).sort()).toEqual(
    people.map(demoSubjectKeys).sort(),
  );
  for (const event of events)
    expect(event.content.coordinates).toEqual([
      { coordinate: 'AccountsUsers.full_name', effect: 'allow', reason: 'RULE' },
      { coordinate: 'AccountsUsers.phone', effect: 'transform', method: 'mask', reason: 'RULE' },
    ]);
});

it('leaves no event for an operation refused before it ran, nor for one touching no personal data', async () => {
  const actor = 'audit-read-test:refused';
  const before = (await eventsOfActor(gateway.store, actor)).length;
  const refused = await execute(
    gateway,
    look('marketing'),
    { by: { phone: consenting.typedPhone } },
    { role: 'support-agent', subject: actor },
  );
  expect(refused.errors?.[0]?.extensions?.code).toBe('PURPOSE_NOT_ALLOWED');
  const catalogue = await execute(
    gateway,
    '{ dataMap { version } }',
    {},
    {
      role: 'support-agent',
      subject: actor,
    },
  );
  expect(catalogue.errors).toBeUndefined();
  expect(await eventsOfActor(gateway.store, actor)).toHaveLength(before);
});

it('records a re-identification as its own event, without the token or its value', async () => {
  const value = consenting.identities.phone[0]!;
  const token = tokenizeCanonical(value, TEST_KEYS);
  const result = await execute(
    gateway,
    'mutation R($t: String!) @purpose(name: "dsar") { reidentify(token: $t) }',
    { t: token },
    caller('dpo'),
  );
  expect(result.data?.reidentify).toBe(value);
  const events = await eventsOfRequest(gateway.store, requestIdOf(result));
  expect(events.map((e) => e.content)).toEqual([
    expect.objectContaining({
      kind: 'reidentify',
      actor: 'audit-read-test:dpo',
      role: 'dpo',
      purpose: 'dsar',
      subjectKeys: [],
      coordinates: [{ coordinate: 'Mutation.reidentify', effect: 'allow', reason: 'CAPABILITY' }],
      detail: { operation: 'R', tokens: 1 },
    }),
  ]);
  expect(events[0]?.text).not.toContain(token);
  expect(events[0]?.text).not.toContain(value.slice(3));
});

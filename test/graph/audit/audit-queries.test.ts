/**
 * The audit queries of the control plane (SPEC §7, issue #6 items 2–3): `auditEvents` finds a
 * person's events from any of their identities ("who accessed my data"), filters by actor,
 * purpose, kind and time, pages newest first by position; `verifyAuditLog` verifies the one
 * chain every embedded test file appends to (never tampered with here: the tamper tests run on
 * a database of their own). Both only for roles that `may: audit.read`.
 */
import { generateDemoWorld } from '../../../seeds/demo/generate';
import type { DemoPerson } from '../../../seeds/demo/generate';
import type { TestGateway } from '../../support/gateway-harness';
import { DEMO_MAP, execute, startTestGateway } from '../../support/gateway-harness';
import { demoSubjectKeys, requestIdOf } from './audit-events-of';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { audit: true, requests: true });
});
afterAll(() => gateway?.close());

const AGENT = { role: 'support-agent', subject: 'audit-query-test:support-agent' };
const AUDITOR = { role: 'dpo', subject: 'audit-query-test:dpo' };

/** An adult with an account, two e-mail addresses and a phone: several identities to ask by. */
const person: DemoPerson = world.people.find(
  (p) =>
    !p.flags.minor &&
    !p.flags.workspaceOnly &&
    p.identities.email.length >= 2 &&
    p.identities.phone.length > 0 &&
    p.identities.cookie_id.length > 0,
)!;

const READ_NAME =
  'query Consult($by: IdentityInput!) @purpose(name: "customer_service") { subject(by: $by) { accounts { users { full_name } } } }';

const EVENTS = `query Events($subject: CatalogSubjectInput, $actor: String, $purpose: String, $kinds: [CatalogAuditKind!], $from: CatalogDateTime, $to: CatalogDateTime, $first: Int!, $before: CatalogAuditPosition) {
  auditEvents(subject: $subject, actor: $actor, purpose: $purpose, kinds: $kinds, from: $from, to: $to, first: $first, before: $before) {
    events { position kind actor role purpose subjectKeys requestId coordinates { coordinate effect method reason } detail }
    nextBefore
  }
}`;

interface Page {
  events: {
    position: number;
    kind: string;
    actor: string;
    subjectKeys: string[];
    requestId: string;
  }[];
  nextBefore: number | null;
}

async function events(variables: Record<string, unknown>, caller = AUDITOR): Promise<Page> {
  const result = await execute(gateway, EVENTS, { first: 50, ...variables }, caller);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data?.auditEvents as Page;
}

let reads: string[] = [];
let startedAt: Date;

beforeAll(async () => {
  startedAt = new Date();
  // three consultations, each by another of the person's identities
  for (const by of [
    { phone: person.typedPhone },
    { email: person.identities.email[0] },
    // (a support agent may not look people up by cookie id: it reads none — lookup-kinds.ts)
    { user_id: person.identities.user_id[0] },
  ]) {
    const result = await execute(gateway, READ_NAME, { by }, AGENT);
    expect(result.errors).toBeUndefined();
    reads.push(requestIdOf(result));
  }
  reads = reads.reverse(); // newest first
});

describe('auditEvents', () => {
  it.each([
    ['the second e-mail address', () => ({ kind: 'email', value: person.identities.email[1] })],
    ['the user id', () => ({ kind: 'user_id', value: person.identities.user_id[0] })],
    ['the phone as typed', () => ({ kind: 'phone', value: person.typedPhone })],
  ])("finds the person's events from %s, newest first", async (_, subject) => {
    const page = await events({ subject: subject(), actor: AGENT.subject });
    expect(page.events.map((e) => e.requestId)).toEqual(reads);
    expect(page.nextBefore).toBeNull();
    for (const event of page.events) {
      expect(event).toMatchObject({ kind: 'READ', actor: AGENT.subject, role: 'support-agent' });
      expect(event.subjectKeys).toEqual(demoSubjectKeys(person));
    }
  });

  it('finds nothing of another person', async () => {
    const other = world.people.find((p) => p !== person && p.identities.phone.length > 0)!;
    const page = await events({
      subject: { kind: 'phone', value: other.identities.phone[0] },
      actor: AGENT.subject,
    });
    expect(page.events).toEqual([]);
  });

  it('pages newest first by position: nextBefore continues where a page ended', async () => {
    const first = await events({ actor: AGENT.subject, first: 2 });
    expect(first.events.map((e) => e.requestId)).toEqual(reads.slice(0, 2));
    expect(first.nextBefore).toBe(first.events[1]?.position);
    const second = await events({ actor: AGENT.subject, first: 2, before: first.nextBefore });
    expect(second.events.map((e) => e.requestId)).toEqual(reads.slice(2));
    expect(second.nextBefore).toBeNull();
    const positions = [...first.events, ...second.events].map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
  });

  it('filters by purpose, kind and time', async () => {
    const base = { actor: AGENT.subject };
    expect((await events({ ...base, purpose: 'customer_service' })).events).toHaveLength(3);
    expect((await events({ ...base, purpose: 'marketing' })).events).toEqual([]);
    expect((await events({ ...base, kinds: ['READ'] })).events).toHaveLength(3);
    expect((await events({ ...base, kinds: ['WRITE', 'REQUEST'] })).events).toEqual([]);
    const from = startedAt.toISOString();
    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await events({ ...base, from, to: later })).events).toHaveLength(3);
    expect((await events({ ...base, from: later })).events).toEqual([]);
    expect((await events({ ...base, to: from })).events).toEqual([]);
  });

  it.each([
    [{ first: 0 }, /first must be between 1 and 500/],
    [{ first: 501 }, /first must be between 1 and 500/],
    [{ before: 0 }, /before is a position/],
    [{ from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, /from must be before to/],
    [{ subject: { kind: 'shoe_size', value: '42' } }, /shoe_size/],
  ])('refuses %j as BAD_USER_INPUT', async (variables, message) => {
    const result = await execute(gateway, EVENTS, { first: 50, ...variables }, AUDITOR);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
  });
});

describe('who may read the trail', () => {
  const VERIFY = '{ verifyAuditLog { ok } }';
  it.each([EVENTS, VERIFY])('a role without audit.read is FORBIDDEN', async (query) => {
    const result = await execute(gateway, query, { first: 5 }, AGENT);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      capability: 'audit.read',
    });
  });

  it.each([EVENTS, VERIFY])('an unauthenticated caller is refused', async (query) => {
    const result = await execute(gateway, query, { first: 5 }, null);
    expect(result.data).toBeNull();
    // the shield's guard of every control-plane root field, before the resolver runs
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'UNAUTHENTICATED',
    });
  });

  it('the security analyst may (audit.read), and sees the same events', async () => {
    const page = await events(
      { actor: AGENT.subject },
      { role: 'security-analyst', subject: 'audit-query-test:security-analyst' },
    );
    expect(page.events.map((e) => e.requestId)).toEqual(reads);
  });
});

describe('verifyAuditLog', () => {
  it('reports the shared chain intact, up to its head, checked against this gateway’s checkpoints', async () => {
    const result = await execute(
      gateway,
      '{ verifyAuditLog { ok events head { position hash } checkpoints { checked rejected latest } broken { position problem detail } } }',
      {},
      AUDITOR,
    );
    expect(result.errors).toBeUndefined();
    const verification = result.data?.verifyAuditLog as {
      ok: boolean;
      events: number;
      head: { position: number; hash: string };
      checkpoints: { checked: number; rejected: number; latest: number | null };
      broken: unknown;
    };
    expect(verification).toMatchObject({ ok: true, broken: null });
    // every event from position 1, without gaps; the three reads of this file among them
    expect(verification.events).toBe(verification.head.position);
    expect(verification.events).toBeGreaterThanOrEqual(3);
    expect(verification.head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verification.checkpoints.checked).toBeGreaterThanOrEqual(1);
    expect(verification.checkpoints.rejected).toBe(0);
    expect(verification.checkpoints.latest).toBeLessThanOrEqual(verification.head.position);
  });
});

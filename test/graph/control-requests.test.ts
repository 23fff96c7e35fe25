/**
 * The control plane's rights-request operations through the real gateway (one merged schema,
 * the shield, the privacy plugin, real sources and store): who may call what (SPEC §6 "only
 * roles whose policy `may:` the capability"), the error codes of refused input, and consent
 * withdrawal taking effect on the very next query (SPEC §6, issue #5 acceptance).
 *
 * The store is shared with every other graph test: the consenting person here is one no
 * other file reads, holds are placed on that person only and released again, and rows this
 * file inserts are removed afterwards.
 */
import { randomUUID } from 'node:crypto';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { RequestRecord } from '../../src/store';
import { insertRequest } from '../../src/store';
import type { Caller, TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, execute, startTestGateway } from '../support/gateway-harness';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const DPO: Caller = { role: 'dpo', subject: 'test:control-dpo' };
const AGENT: Caller = { role: 'support-agent', subject: 'test:control-agent' };
const ANALYST: Caller = { role: 'security-analyst', subject: 'test:control-analyst' };

/** Adults whose latest marketing consent is a grant; other files read the first and the last. */
const consenting = world.people.filter((p) => {
  const id = p.identities.user_id[0];
  const records = (world.rows['compliance.consent_records'] ?? []).filter(
    (r) => String(r.user_id) === id && r.purpose === 'marketing',
  );
  return !p.flags.minor && p.identities.phone.length > 0 && records.at(-1)?.granted === true;
});
const person = consenting[Math.floor(consenting.length / 2)]!;
const userId = person.identities.user_id[0]!;
/** Named as someone would type it (`138 0013 8000`): the service normalises it. */
const bySubject = { kind: 'phone', value: person.typedPhone };

let gateway: TestGateway;
const inserted: string[] = [];

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { requests: true });
});
afterAll(async () => {
  if (inserted.length > 0)
    await gateway.store.query('DELETE FROM privgraph.rights_requests WHERE id = ANY($1::uuid[])', [
      inserted,
    ]);
  await gateway?.close();
});

const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.map((e) => e.extensions?.code);

const countRequests = async (): Promise<number> =>
  Number(
    // only this file's callers: other files create requests in the same store in parallel
    (
      (await gateway.store.query(
        `SELECT count(*)::int AS n FROM privgraph.rights_requests WHERE requested_by IN ('test:control-dpo', 'test:control-agent', 'test:control-analyst')`,
      )) as {
        n: number;
      }[]
    )[0]?.n,
  );

const WITHDRAW = `mutation W($subject: CatalogSubjectInput!, $purpose: String!, $how: String!) {
  withdrawConsent(subject: $subject, purpose: $purpose, identityVerification: $how) {
    id kind status dueDate overdue identityVerification requestedBy reply details
  }
}`;

describe('capabilities', () => {
  it('a support agent records requests but cannot approve, reject or release a hold', async () => {
    for (const mutation of [
      `mutation { approveRequest(id: "${randomUUID()}") { id } }`,
      `mutation { rejectRequest(id: "${randomUUID()}", reason: "no") { id } }`,
      `mutation { releaseLegalHold(id: "${randomUUID()}") { id } }`,
    ]) {
      const result = await execute(gateway, mutation, {}, AGENT);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        capability: 'request.approve',
      });
    }
    const list = await execute(gateway, '{ rightsRequests(limit: 1) { id } }', {}, AGENT);
    expect(list.errors).toBeUndefined();
  });

  it('a security analyst can neither open nor read requests, and nothing is recorded', async () => {
    const before = await countRequests();
    const opened = await execute(
      gateway,
      WITHDRAW,
      { subject: bySubject, purpose: 'marketing', how: 'SMS code' },
      ANALYST,
    );
    expect(opened.data).toBeNull();
    expect(opened.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      capability: 'request.create',
    });
    for (const query of [
      '{ rightsRequests { id } }',
      `{ rightsRequest(id: "${randomUUID()}") { id } }`,
      '{ subjectConsents(subject: { kind: "phone", value: "13800138000" }) { guardian } }',
      '{ legalHolds { id } }',
    ]) {
      const result = await execute(gateway, query, {}, ANALYST);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        capability: 'request.create',
        alternatives: ['request.approve'],
      });
    }
    expect(await countRequests()).toBe(before);
  });

  it('a caller without a principal is refused before any resolver runs', async () => {
    const before = await countRequests();
    const mutation = await execute(
      gateway,
      WITHDRAW,
      { subject: bySubject, purpose: 'marketing', how: 'SMS code' },
      null,
    );
    expect(mutation.data).toBeNull();
    expect(mutation.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'UNAUTHENTICATED',
    });
    const query = await execute(gateway, '{ rightsRequests { id } }', {}, null);
    expect(query.errors?.[0]?.extensions).toMatchObject({ reason: 'UNAUTHENTICATED' });
    expect(await countRequests()).toBe(before);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown identity kind', { kind: 'passport', value: 'E1234' }, 'SMS code', 'marketing'],
    ['an empty identityVerification', bySubject, '   ', 'marketing'],
    ['a purpose that does not rest on consent', bySubject, 'SMS code', 'customer_service'],
  ])('%s is BAD_USER_INPUT, and nothing is recorded', async (_, subject, how, purpose) => {
    const before = await countRequests();
    const result = await execute(gateway, WITHDRAW, { subject, purpose, how }, DPO);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).not.toContain('Internal');
    expect(await countRequests()).toBe(before);
  });

  it('ids are UUIDs; an unknown request is null, an unknown hold NOT_FOUND', async () => {
    const malformed = await execute(gateway, '{ rightsRequest(id: "42") { id } }', {}, DPO);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    const unknown = await execute(gateway, `{ rightsRequest(id: "${randomUUID()}") { id } }`);
    expect(unknown).toMatchObject({ data: { rightsRequest: null } });
    expect(unknown.errors).toBeUndefined();
    const release = await execute(
      gateway,
      `mutation { releaseLegalHold(id: "${randomUUID()}") { id } }`,
      {},
      DPO,
    );
    expect(codes(release)).toEqual(['NOT_FOUND']);
  });

  it('a page larger than 500 is refused', async () => {
    const result = await execute(gateway, '{ rightsRequests(limit: 501) { id } }', {}, DPO);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('consent withdrawal (SPEC §6: the next query for that purpose is denied)', () => {
  const marketing = `query Q($by: IdentityInput!) @purpose(name: "marketing") {
    subject(by: $by) { accounts { users { id } } }
  }`;
  const asMarketing: Caller = { role: 'marketing-app' };

  it('withdrawn through GraphQL by phone, it denies the next marketing query by user id', async () => {
    const before = await execute(gateway, marketing, { by: { user_id: userId } }, asMarketing);
    expect(before.errors).toBeUndefined();

    const withdrawn = await execute(
      gateway,
      WITHDRAW,
      { subject: bySubject, purpose: 'marketing', how: 'SMS code to the account phone' },
      AGENT,
    );
    expect(withdrawn.errors).toBeUndefined();
    const request = withdrawn.data?.withdrawConsent as Record<string, unknown>;
    expect(request).toMatchObject({
      kind: 'CONSENT_WITHDRAWAL',
      status: 'COMPLETED',
      overdue: false,
      identityVerification: 'SMS code to the account phone',
      requestedBy: 'test:control-agent',
      details: { purpose: 'marketing' },
    });
    expect(request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request.reply).toContain('withdrawn');
    // who it is about never leaves the gateway
    expect(JSON.stringify(withdrawn)).not.toContain(userId);
    expect(JSON.stringify(withdrawn)).not.toContain(person.identities.phone[0]!);

    const after = await execute(gateway, marketing, { by: { user_id: userId } }, asMarketing);
    expect((after.data?.subject as { accounts: { users: unknown } }).accounts.users).toBeNull();
    expect(after.errors?.map((e) => e.extensions?.reason)).toEqual(['NO_CONSENT']);

    const consents = await execute(
      gateway,
      `query C($subject: CatalogSubjectInput!) { subjectConsents(subject: $subject) {
        purposes { purpose granted }
        history { purpose action recordedBy requestId identities }
      } }`,
      { subject: { kind: 'user_id', value: userId } },
      DPO,
    );
    expect(consents.errors).toBeUndefined();
    const state = consents.data?.subjectConsents as {
      purposes: { purpose: string; granted: boolean }[];
      history: { purpose: string; action: string; requestId: string | null; identities: number }[];
    };
    expect(state.purposes).toContainEqual({ purpose: 'marketing', granted: false });
    const last = state.history.filter((e) => e.purpose === 'marketing').at(-1);
    expect(last).toMatchObject({ action: 'WITHDRAW', requestId: request.id });
    expect(last?.identities).toBeGreaterThanOrEqual(2); // phone, user id, e-mail…

    // given again, the person is served again (and the shared store is left as found)
    const granted = await execute(
      gateway,
      WITHDRAW.replace('withdrawConsent', 'grantConsent').replace('mutation W', 'mutation G'),
      { subject: bySubject, purpose: 'marketing', how: 'signed consent form' },
      AGENT,
    );
    expect(granted.errors).toBeUndefined();
    const again = await execute(gateway, marketing, { by: { user_id: userId } }, asMarketing);
    expect(again.errors).toBeUndefined();
  });

  it('lists the person’s requests, with their history, by any identity', async () => {
    const listed = await execute(
      gateway,
      `query L($subject: CatalogSubjectInput!) {
        rightsRequests(subject: $subject, kind: [CONSENT_WITHDRAWAL, CONSENT_GRANT]) {
          kind status tasks { kind } events { event actor }
        }
      }`,
      { subject: { kind: 'user_id', value: userId } },
      { role: 'dpo' },
    );
    expect(listed.errors).toBeUndefined();
    const requests = listed.data?.rightsRequests as {
      kind: string;
      events: { event: string; actor: string }[];
    }[];
    expect(requests.map((r) => r.kind).sort()).toEqual(['CONSENT_GRANT', 'CONSENT_WITHDRAWAL']);
    for (const r of requests)
      expect(r.events[0]).toMatchObject({ event: 'created', actor: 'test:control-agent' });
  });
});

describe('listing', () => {
  const open = (dueDate: string): Promise<RequestRecord> => {
    const id = randomUUID();
    inserted.push(id);
    return insertRequest(gateway.store, {
      id,
      kind: 'access',
      status: 'received',
      subjectKeys: [`test-only-${id}`],
      payloadEnc: Buffer.from('sealed'),
      details: {},
      identityVerification: 'test',
      requestedBy: 'test:listing',
      requestedRole: 'dpo',
      receivedAt: new Date('2026-01-05T02:00:00Z'),
      dueDate,
    });
  };

  it('lists overdue requests first, flags them, and reads every request’s tasks in one statement', async () => {
    const late = await open('2026-01-26');
    const later = await open('2026-02-10');
    const spy = jest.spyOn(gateway.store, 'query');
    try {
      const result = await execute(
        gateway,
        `{ rightsRequests(status: RECEIVED, limit: 500) {
          id dueDate overdue status tasks { status } downloadUrl packageHash
        } }`,
        {},
        DPO,
      );
      expect(result.errors).toBeUndefined();
      const rows = result.data?.rightsRequests as { id: string; overdue: boolean }[];
      const ids = rows.map((r) => r.id);
      expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(later.id));
      expect(rows.find((r) => r.id === late.id)).toMatchObject({
        overdue: true,
        tasks: [],
        downloadUrl: null,
      });
      // the first rows are the overdue ones (SPEC §6 "overdue requests are listed first")
      const firstOnTime = rows.findIndex((r) => !r.overdue);
      if (firstOnTime >= 0) expect(rows.slice(firstOnTime).every((r) => !r.overdue)).toBe(true);
      const taskReads = spy.mock.calls.filter(([sql]) => String(sql).includes('request_tasks'));
      expect(taskReads).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('legal holds', () => {
  it('placed on a person by an agent, listed by any identity, released only by the DPO', async () => {
    const placed = await execute(
      gateway,
      `mutation P($hold: CatalogLegalHoldInput!) { placeLegalHold(hold: $hold) {
        id reason onSubject collection inForce placedBy
      } }`,
      {
        hold: {
          reason: 'LEGAL_OBLIGATION',
          note: 'tax audit 2026-17',
          subject: bySubject,
          collection: 'accounts.users',
        },
      },
      AGENT,
    );
    expect(placed.errors).toBeUndefined();
    const hold = placed.data?.placeLegalHold as { id: string };
    expect(hold).toMatchObject({
      reason: 'LEGAL_OBLIGATION',
      onSubject: true,
      collection: 'accounts.users',
      inForce: true,
      placedBy: 'test:control-agent',
    });

    const listed = await execute(
      gateway,
      `query H($subject: CatalogSubjectInput!) { legalHolds(subject: $subject) { id inForce } }`,
      { subject: { kind: 'user_id', value: userId } },
      AGENT,
    );
    expect(listed.data?.legalHolds).toContainEqual({ id: hold.id, inForce: true });

    const release = `mutation { releaseLegalHold(id: "${hold.id}", note: "audit closed") { inForce releasedBy releaseNote } }`;
    expect(codes(await execute(gateway, release, {}, AGENT))).toEqual(['FORBIDDEN']);
    const released = await execute(gateway, release, {}, DPO);
    expect(released.data?.releaseLegalHold).toEqual({
      inForce: false,
      releasedBy: 'test:control-dpo',
      releaseNote: 'audit closed',
    });
    expect(codes(await execute(gateway, release, {}, DPO))).toEqual(['NOT_FOUND']);
  });

  it('an unknown collection or exemption is refused', async () => {
    const mutation = `mutation P($hold: CatalogLegalHoldInput!) { placeLegalHold(hold: $hold) { id } }`;
    const collection = await execute(
      gateway,
      mutation,
      { hold: { reason: 'LEGAL_OBLIGATION', collection: 'accounts.nothing' } },
      DPO,
    );
    expect(codes(collection)).toEqual(['BAD_USER_INPUT']);
    const reason = await execute(gateway, mutation, { hold: { reason: 'BECAUSE' } }, DPO);
    expect(codes(reason)).toEqual(['BAD_USER_INPUT']);
  });
});

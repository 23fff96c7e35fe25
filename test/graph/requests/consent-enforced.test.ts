/**
 * Consent withdrawal and account closure as the issue #5 acceptance states them: "consent
 * withdrawal is enforced on the very next query; account closure does both parts".
 *
 * Withdrawal runs on the seeded demo world through the real gateway, which reads consent
 * from the store on every query: the service records it on a runtime of its own (as another
 * replica would), and the gateway's next marketing query for that person is denied. The
 * store is shared with every other graph test, so the person is one no other file reads
 * (the first, middle and last consenting people, and the first twelve, are taken), and
 * their consent is given back at the end. Closure erases, so it runs on a requests world of
 * its own.
 */
import { generateDemoWorld } from '../../../seeds/demo/generate';
import { subjectKey } from '../../../src/core/identity/subject-key';
import type { RequestsRuntime } from '../../../src/requests';
import {
  approveRequest,
  closeAccount,
  consentPurposes,
  grantConsent,
  withdrawConsent,
} from '../../../src/requests';
import { getRequest, listConsentEvents, loadConsentStates } from '../../../src/store';
import type { TestGateway } from '../../support/gateway-harness';
import {
  DEMO_MAP,
  DEMO_POLICY,
  TEST_KEYS,
  execute,
  startTestGateway,
} from '../../support/gateway-harness';
import type { RequestsWorld } from '../../support/requests-world';
import { startRequestsWorld } from '../../support/requests-world';
import type { TestRequestsRuntime } from '../../support/requests-runtime';
import { settleRequests, startRequestsRuntime } from '../../support/requests-runtime';

jest.setTimeout(60_000);

const DPO = { subject: 'test:consent-dpo', role: 'dpo' };
const VERIFIED = 'SMS code to the account phone';

describe('consent withdrawal on the demo world, through the gateway', () => {
  const world = generateDemoWorld({
    subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
    seed: 7,
  });
  const consenting = world.people.filter((p) => {
    const records = (world.rows['compliance.consent_records'] ?? []).filter(
      (r) => String(r.user_id) === p.identities.user_id[0] && r.purpose === 'marketing',
    );
    return !p.flags.minor && p.identities.phone.length > 0 && records.at(-1)?.granted === true;
  });
  const person = consenting[Math.floor((consenting.length * 3) / 4)]!;
  const userId = person.identities.user_id[0]!;
  const marketing = `query Q($by: IdentityInput!) @purpose(name: "marketing") {
    subject(by: $by) { accounts { users { id } } }
  }`;
  const asMarketing = { role: 'marketing-app' };
  const hashed = (by: Record<string, string>) =>
    execute(gateway, marketing, { by }, asMarketing).then((result) => ({
      errors: result.errors?.map((e) => e.extensions),
      users: (result.data?.subject as { accounts: { users: { id: string }[] | null } } | null)
        ?.accounts.users,
    }));

  let gateway: TestGateway;
  let requests: TestRequestsRuntime;
  const marketingConsent = { purpose: 'marketing', identityVerification: VERIFIED };

  beforeAll(async () => {
    gateway = await startTestGateway(DEMO_MAP, { policyFile: DEMO_POLICY });
    requests = await startRequestsRuntime(DEMO_MAP, DEMO_POLICY);
  });
  afterAll(async () => {
    // the shared store as found, even when a test failed half-way
    await grantConsent(requests.runtime, DPO, {
      subject: { kind: 'user_id', value: userId },
      ...marketingConsent,
    }).catch(() => undefined);
    await requests?.close();
    await gateway?.close();
  });

  it('picks a consenting adult no other test file reads', () => {
    const taken = [
      consenting[0],
      consenting[Math.floor(consenting.length / 2)],
      consenting.at(-1),
      ...world.people.filter((p) => !p.flags.workspaceOnly).slice(0, 12),
    ];
    expect(taken.map((p) => p?.index)).not.toContain(person.index);
  });

  it('denies the very next marketing query after a withdrawal, by every identity; a grant serves it again', async () => {
    const before = await hashed({ user_id: userId });
    expect(before.errors).toBeUndefined();
    expect(before.users).toEqual([{ id: expect.stringMatching(/^h_[0-9a-f]{64}$/) }]);

    const withdrawn = await withdrawConsent(requests.runtime, DPO, {
      subject: { kind: 'phone', value: person.typedPhone },
      ...marketingConsent,
    });
    expect(withdrawn).toMatchObject({ kind: 'consent_withdrawal', status: 'completed' });

    // the identities the marketing app may look people up by (it reads no e-mail at all)
    const identities: Record<string, string>[] = [
      { user_id: userId },
      ...person.identities.cookie_id.slice(0, 1).map((cookie_id) => ({ cookie_id })),
    ];
    expect(identities.length).toBe(2);
    for (const by of identities) {
      const after = await hashed(by);
      expect({ by, ...after }).toEqual({
        by,
        users: null,
        errors: [expect.objectContaining({ code: 'FORBIDDEN', reason: 'NO_CONSENT' })],
      });
    }
    // only that purpose: the DPO answering a request still reads the person
    const dsar = await execute(
      gateway,
      `query Q($by: IdentityInput!) @purpose(name: "dsar") { subject(by: $by) { accounts { users { id } } } }`,
      { by: { user_id: userId } },
      { role: 'dpo' },
    );
    expect(dsar.errors).toBeUndefined();
    expect(dsar.data?.subject).toEqual({ accounts: { users: [{ id: userId }] } });

    await grantConsent(requests.runtime, DPO, {
      subject: { kind: 'email', value: person.identities.email[0]! },
      ...marketingConsent,
    });
    expect(await hashed({ user_id: userId })).toEqual(before);

    // history is kept: the withdrawal is there, against every identity of the person
    const history = await listConsentEvents(requests.runtime.store, withdrawn.subjectKeys);
    expect(history.filter((e) => e.requestId === withdrawn.id)).toEqual([
      expect.objectContaining({
        purpose: 'marketing',
        action: 'withdraw',
        keys: withdrawn.subjectKeys.length,
      }),
    ]);
    expect(withdrawn.subjectKeys).toContain(subjectKey(TEST_KEYS.hashKey, 'user_id', userId));
  });
});

describe('account closure on a requests world of its own', () => {
  let world: RequestsWorld;
  let rt: RequestsRuntime;

  beforeAll(async () => {
    world = await startRequestsWorld();
    // the world's policy, with its service resting on consent too: "every consent" is two
    const { policy } = world.runtime;
    const purposes = new Map(
      [...policy.purposes].map(([key, purpose]) => [
        key,
        key === 'service' ? { ...purpose, requiresConsent: true } : purpose,
      ]),
    );
    rt = { ...world.runtime, policy: { ...policy, purposes } };
  });
  afterAll(() => world?.close());

  const aliceRows = async () => ({
    users: await world.sql(`SELECT * FROM $schema.users WHERE id = 1`),
    orders: await world.sql(`SELECT * FROM $schema.orders WHERE user_id = 1 ORDER BY id`),
    devices: await world.sql(`SELECT * FROM $schema.user_devices WHERE user_id = 1 ORDER BY 2`),
    notes: await world.sql(`SELECT * FROM $schema.notes WHERE user_id = 1`),
    contacts: await world.sql(`SELECT * FROM $schema.contacts WHERE id = 40`),
  });

  it('withdraws every consent at once, plans the erasure, and after approval erases the person', async () => {
    const bob = { kind: 'email', value: 'BOB@example.com' };
    for (const purpose of consentPurposes(rt))
      await grantConsent(rt, DPO, { subject: bob, purpose, identityVerification: VERIFIED });
    const alice = await aliceRows();

    const closure = await closeAccount(rt, DPO, { subject: bob, identityVerification: VERIFIED });
    expect(consentPurposes(rt).sort()).toEqual(['marketing', 'service']);
    // consent is gone at once, before anyone approves the erasure (PIPL art. 15)
    const states = await loadConsentStates(rt.store, [
      closure.subjectKeys,
      ...closure.subjectKeys.map((key) => [key]),
    ]);
    for (const state of states) expect([...state.granted]).toEqual([]);
    const withdrawals = (await listConsentEvents(rt.store, closure.subjectKeys)).filter(
      (e) => e.requestId === closure.id,
    );
    expect(withdrawals.map((e) => [e.purpose, e.action, e.keys]).sort()).toEqual([
      ['marketing', 'withdraw', closure.subjectKeys.length],
      ['service', 'withdraw', closure.subjectKeys.length],
    ]);
    expect(closure.subjectKeys.length).toBeGreaterThanOrEqual(3); // user id, e-mail, phone

    expect(closure).toMatchObject({ kind: 'account_closure', status: 'awaiting_approval' });
    expect(closure.planEnc).not.toBeNull();
    expect(closure.planSummary).toMatchObject({
      collections: {
        'shop.users': { delete: 1 },
        'shop.orders': { delete: 1 },
        'shop.user_devices': { delete: 2 },
        'shop.devices': { delete: 1, shared: 1 },
        'shop.notes': { rewrite: 1 },
        'crm.contacts': { delete: 1 },
      },
      problems: [],
    });
    // nothing is erased before the approval
    expect(await world.sql(`SELECT id FROM $schema.users WHERE id = 2`)).toHaveLength(1);

    await approveRequest(rt, DPO, closure.id);
    const [done] = await settleRequests(rt, [closure.id]);
    expect(done).toMatchObject({ status: 'completed', result: { counts: { remaining: 0 } } });
    expect(done?.reply).toEqual(expect.any(String));
    expect(done?.reply?.length).toBeGreaterThan(20);

    expect(await world.sql(`SELECT id FROM $schema.users WHERE id = 2`)).toEqual([]);
    expect(await world.sql(`SELECT id FROM $schema.orders WHERE user_id = 2`)).toEqual([]);
    expect(await world.sql(`SELECT * FROM $schema.user_devices WHERE user_id = 2`)).toEqual([]);
    expect(await world.sql(`SELECT id FROM $schema.contacts WHERE id = 41`)).toEqual([]);
    expect(await world.sql(`SELECT device_id FROM $schema.devices ORDER BY device_id`)).toEqual([
      { device_id: 'dev-alice' },
      { device_id: 'dev-shared' },
    ]);
    const [note] = await world.sql<{ user_id: number | null; body: string }>(
      `SELECT user_id, body FROM $schema.notes WHERE id = 21`,
    );
    expect(note?.user_id).toBeNull();
    expect(note?.body).not.toBe('bob note');
    // Alice, who shares the tablet, is left byte-for-byte
    expect(await aliceRows()).toEqual(alice);
    expect((await getRequest(rt.store, closure.id))?.completedAt).toBeInstanceOf(Date);
  });
});

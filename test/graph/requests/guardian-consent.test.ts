/**
 * A guardian's consent (SPEC §4.3, PIPL art. 31): recorded through the control plane's
 * consent service with `guardian: true`, it lets the gateway show a child's data for that
 * purpose on the very next query; withdrawn, the child is shown de-identified again (reason
 * MINOR, never said to the caller). On the seeded demo world, through the real gateway: the
 * child is the last minor without a guardian's consent in the store, read by no other file,
 * and the store is left as found.
 */
import { generateDemoWorld } from '../../../seeds/demo/generate';
import { grantConsent, withdrawConsent } from '../../../src/requests';
import { loadConsentStates } from '../../../src/store';
import type { TestGateway } from '../../support/gateway-harness';
import { DEMO_MAP, DEMO_POLICY, execute, startTestGateway } from '../../support/gateway-harness';
import type { TestRequestsRuntime } from '../../support/requests-runtime';
import { startRequestsRuntime } from '../../support/requests-runtime';
import { keysOf } from '../../../src/requests';

jest.setTimeout(60_000);

const DPO = { subject: 'test:guardian-dpo', role: 'dpo' };
const VERIFIED = "guardian's ID card checked at the service desk";

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const minors = world.people.filter((p) => p.flags.minor && !p.flags.workspaceOnly);

let gateway: TestGateway;
let requests: TestRequestsRuntime;
let child: (typeof minors)[number];
let userId: string;

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { policyFile: DEMO_POLICY });
  requests = await startRequestsRuntime(DEMO_MAP, DEMO_POLICY);
  for (const candidate of [...minors].reverse()) {
    const keys = await keysOf(requests.runtime, {
      kind: 'user_id',
      value: candidate.identities.user_id[0]!,
    });
    const [state] = await loadConsentStates(requests.runtime.store, [keys]);
    if ((state?.guardian.size ?? 0) === 0) {
      child = candidate;
      break;
    }
  }
  userId = child.identities.user_id[0]!;
});
afterAll(async () => {
  await withdrawConsent(requests.runtime, DPO, {
    subject: { kind: 'user_id', value: userId },
    purpose: '*',
    guardian: true,
    identityVerification: VERIFIED,
  }).catch(() => undefined);
  await requests?.close();
  await gateway?.close();
});

const nameAsDpo = async () => {
  const result = await execute(
    gateway,
    `query Q($by: IdentityInput!) @purpose(name: "dsar") { subject(by: $by) { accounts { users { full_name } } } }`,
    { by: { user_id: userId } },
    { role: 'dpo' },
  );
  expect(result.errors).toBeUndefined();
  const privacy = result.extensions?.privacy as { deidentified: { coordinate: string }[] };
  return {
    name: (result.data?.subject as { accounts: { users: { full_name: string }[] } }).accounts
      .users[0]?.full_name,
    deidentified: privacy.deidentified.map((d) => d.coordinate),
  };
};

it('shows a child de-identified until a guardian consents, raw after, de-identified again once withdrawn', async () => {
  expect(child).toBeDefined();
  const fullName = String(
    (world.rows['accounts.users'] ?? []).find((r) => String(r.id) === userId)?.full_name,
  );
  const before = await nameAsDpo();
  expect(before.name).not.toBe(fullName);
  expect(before.deidentified).toContain('AccountsUsers.full_name');

  const granted = await grantConsent(requests.runtime, DPO, {
    subject: { kind: 'phone', value: child.typedPhone },
    purpose: '*',
    guardian: true,
    identityVerification: VERIFIED,
  });
  expect(granted).toMatchObject({ kind: 'consent_grant', status: 'completed' });
  expect(granted.reply).toMatch(/guardian's consent to every purpose is recorded/);
  expect(await nameAsDpo()).toEqual({ name: fullName, deidentified: [] });

  await withdrawConsent(requests.runtime, DPO, {
    subject: { kind: 'user_id', value: userId },
    purpose: '*',
    guardian: true,
    identityVerification: VERIFIED,
  });
  expect(await nameAsDpo()).toEqual(before);
});

it('for a purpose resting on consent, a child’s consent is the guardian’s, not the child’s own', async () => {
  const keys = await keysOf(requests.runtime, { kind: 'user_id', value: userId });
  const [initial] = await loadConsentStates(requests.runtime.store, [keys]);
  const subject = { kind: 'user_id', value: userId };
  const marketing = async () => {
    const result = await execute(
      gateway,
      `query Q($by: IdentityInput!) @purpose(name: "marketing") { subject(by: $by) { accounts { users { id } } } }`,
      { by: { user_id: userId } },
      { role: 'marketing-app' },
    );
    return {
      users: (result.data?.subject as { accounts: { users: unknown[] | null } } | null)?.accounts
        .users,
      reasons: (result.errors ?? []).map((e) => e.extensions?.reason),
    };
  };
  try {
    await grantConsent(requests.runtime, DPO, {
      subject,
      purpose: 'marketing',
      identityVerification: VERIFIED,
    });
    expect(await marketing()).toEqual({ users: null, reasons: ['NO_CONSENT'] });
    await grantConsent(requests.runtime, DPO, {
      subject,
      purpose: 'marketing',
      guardian: true,
      identityVerification: VERIFIED,
    });
    expect(await marketing()).toEqual({
      users: [{ id: expect.stringMatching(/^h_[0-9a-f]{64}$/) }],
      reasons: [],
    });
  } finally {
    // the store as found: the guardian's consent taken back, the child's own as it was
    await withdrawConsent(requests.runtime, DPO, {
      subject,
      purpose: 'marketing',
      guardian: true,
      identityVerification: VERIFIED,
    });
    if (!initial?.granted.has('marketing'))
      await withdrawConsent(requests.runtime, DPO, {
        subject,
        purpose: 'marketing',
        identityVerification: VERIFIED,
      });
  }
});

it('names an unknown purpose as unknown, with the purpose meant', async () => {
  await expect(
    withdrawConsent(requests.runtime, DPO, {
      subject: { kind: 'user_id', value: userId },
      purpose: 'markting',
      identityVerification: VERIFIED,
    }),
  ).rejects.toThrow(/unknown purpose "markting"; did you mean "marketing"\?/);
  // a person consents only to the purposes resting on consent (a guardian, to any)
  await expect(
    grantConsent(requests.runtime, DPO, {
      subject: { kind: 'user_id', value: userId },
      purpose: 'dsar',
      identityVerification: VERIFIED,
    }),
  ).rejects.toThrow(/does not rest on consent/);
});

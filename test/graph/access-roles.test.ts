/**
 * Field-level access for each demo role (issue #3): exact values — raw where allowed, the
 * exact masked/hashed forms, null plus one FORBIDDEN error per denied coordinate — and the
 * purpose checks that refuse an operation before it executes.
 */
import { createHmac } from 'node:crypto';
import type { DemoPerson } from '../../seeds/demo/generate';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, TEST_KEYS, execute, startTestGateway } from '../support/gateway-harness';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const AS_OF = new Date('2026-11-30T00:00:00Z');
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { now: () => AS_OF });
});
afterAll(() => gateway?.close());

/** An adult present in every system, with a Chinese name. */
const person: DemoPerson = world.people.find(
  (p) =>
    p.flags.systems.length >= 7 &&
    !p.flags.minor &&
    !p.flags.workspaceOnly &&
    p.names.chinese !== undefined,
)!;
const userRow = world.rows['accounts.users']!.find(
  (row) => String(row.id) === person.identities.user_id[0],
)!;
const phone = person.identities.phone[0]!;
const digits = phone.slice(3);

const USERS = '{ accounts { users { id full_name email phone password_hash date_of_birth } } }';
const query = (purpose: string, selection = USERS) =>
  `query Q($by: IdentityInput!) @purpose(name: "${purpose}") { subject(by: $by) ${selection} }`;

const hmac = (value: string) =>
  `h_${createHmac('sha256', TEST_KEYS.hashKey).update(value, 'utf8').digest('hex')}`;

describe('support-agent (customer_service)', () => {
  it('reads names raw, contact data masked, never credentials', async () => {
    const result = await execute(
      gateway,
      query('customer_service'),
      { by: { phone } },
      { role: 'support-agent' },
    );
    const users = (result.data?.subject as { accounts: { users: Record<string, unknown>[] } })
      .accounts.users;
    expect(users).toHaveLength(1);
    const stored = String(userRow.email);
    expect(users[0]).toMatchObject({
      full_name: userRow.full_name,
      phone: `${digits.slice(0, 3)}****${digits.slice(7)}`,
      email: `${stored[0]?.toLowerCase()}***@${stored.split('@')[1]}`,
      password_hash: null,
      date_of_birth: null,
    });
    expect(result.errors?.map((e) => [e.extensions?.coordinate, e.extensions?.reason])).toEqual(
      expect.arrayContaining([
        ['AccountsUsers.password_hash', 'RULE'],
        ['AccountsUsers.date_of_birth', 'NO_RULE'],
      ]),
    );
    const privacy = result.extensions?.privacy as {
      deidentified: { coordinate: string; method: string }[];
      policyVersion: string;
    };
    expect(privacy.deidentified).toEqual(
      expect.arrayContaining([
        { coordinate: 'AccountsUsers.phone', method: 'mask', count: 1 },
        { coordinate: 'AccountsUsers.email', method: 'mask', count: 1 },
      ]),
    );
    expect(privacy.policyVersion).toMatch(/^[0-9a-f]{64}$/);
  });

  it('denies a collection the purpose does not cover, as a whole (no row count leaks)', async () => {
    const result = await execute(
      gateway,
      query('customer_service', '{ analytics { events { page } } }'),
      { by: { phone } },
      { role: 'support-agent' },
    );
    expect(
      (result.data?.subject as { analytics: { events: unknown } }).analytics.events,
    ).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'FORBIDDEN',
          coordinate: 'AnalyticsData.events',
          reason: 'PURPOSE_MISMATCH',
        }),
      }),
    ]);
  });

  it('reports one error per coordinate, with the first path and a count, however many rows', async () => {
    const people = world.people
      .filter((p) => !p.flags.workspaceOnly && p.identities.phone.length > 0)
      .slice(0, 6);
    const result = await execute(
      gateway,
      'query Q($by: [IdentityInput!]!) @purpose(name: "customer_service") { subjects(by: $by) { accounts { users { password_hash } } } }',
      { by: people.map((p) => ({ phone: p.identities.phone[0] })) },
      { role: 'support-agent' },
    );
    const forbidden =
      result.errors?.filter((e) => e.extensions?.coordinate === 'AccountsUsers.password_hash') ??
      [];
    expect(forbidden).toHaveLength(1);
    expect(forbidden[0]?.extensions?.count).toBeGreaterThanOrEqual(6);
    expect(forbidden[0]?.path).toEqual(['subjects', 0, 'accounts', 'users', 0, 'password_hash']);
  });
});

describe('security-analyst (security_operations)', () => {
  it('reads devices raw and hashes contact identities with the deployment key, over the canonical form', async () => {
    const result = await execute(
      gateway,
      query(
        'security_operations',
        '{ accounts { users { phone full_name } } security { devices { device_id } } }',
      ),
      { by: { phone } },
      { role: 'security-analyst' },
    );
    const subject = result.data?.subject as {
      accounts: { users: Record<string, unknown>[] };
      security: { devices: { device_id: string }[] };
    };
    expect(subject.accounts.users[0]?.phone).toBe(hmac(phone));
    expect(subject.accounts.users[0]?.full_name).toBeNull();
    expect(subject.security.devices.map((d) => d.device_id).sort()).toEqual(
      [...person.identities.device_id].sort(),
    );
  });
});

describe('purpose', () => {
  const refused = async (q: string, caller: { role: string; purpose?: string }) => {
    gateway.statements.length = 0;
    const result = await execute(gateway, q, { by: { phone } }, caller);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('PURPOSE_NOT_ALLOWED');
    expect(gateway.statements).toHaveLength(0);
    return result.errors?.[0]?.message ?? '';
  };

  it('is required for personal data', async () => {
    expect(
      await refused(`query Q($by: IdentityInput!) { subject(by: $by) ${USERS} }`, {
        role: 'support-agent',
      }),
    ).toMatch(/Declare the purpose/);
  });

  it("must be one of the role's, compared exactly", async () => {
    await refused(query('marketing'), { role: 'support-agent' });
    await refused(query('Customer_Service'), { role: 'support-agent' });
    await refused(query('customer_service '), { role: 'support-agent' });
  });

  it('given both in the operation and the header, must agree', async () => {
    expect(
      await refused(query('customer_service'), { role: 'support-agent', purpose: 'dsar' }),
    ).toMatch(/must agree/);
  });

  it('may come from the x-privgraph-purpose header alone', async () => {
    const result = await execute(
      gateway,
      `query Q($by: IdentityInput!) { subject(by: $by) { accounts { users { full_name } } } }`,
      { by: { phone } },
      { role: 'support-agent', purpose: 'customer_service' },
    );
    expect(result.errors).toBeUndefined();
  });
});

describe('dpo', () => {
  it('gets what the gateway returns without any policy, but for credentials (redacted: null)', async () => {
    const open = await startTestGateway(DEMO_MAP, { now: () => AS_OF, withoutPolicy: true });
    try {
      const selection =
        '{ identities { kind value } accounts { users { id full_name email phone password_hash date_of_birth } } workspace { employees { title work_email } tasks { title } } security { devices { device_id model } } }';
      for (const p of world.people.filter((x) => !x.flags.minor).slice(0, 8)) {
        const by = { email: p.identities.email[0]! };
        const governed = await execute(gateway, query('dsar', selection), { by });
        const ungoverned = await execute(
          open,
          `query Q($by: IdentityInput!) { subject(by: $by) ${selection} }`,
          { by },
          null,
        );
        expect(governed.errors).toBeUndefined();
        const data = ungoverned.data as {
          subject: { accounts: { users: Record<string, unknown>[] } };
        };
        expect(data.subject.accounts.users.some((u) => u.password_hash !== null)).toBe(true);
        for (const user of data.subject.accounts.users) user.password_hash = null;
        expect(governed.data).toEqual(data);
      }
    } finally {
      await open.close();
    }
  });

  it('may reverse a token; a role without the capability may not', async () => {
    const token = `tok_${'A'.repeat(40)}`;
    const dpo = await execute(
      gateway,
      'mutation R($t: String!) @purpose(name: "dsar") { reidentify(token: $t) }',
      { t: token },
    );
    expect(dpo.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const agent = await execute(
      gateway,
      'mutation R($t: String!) @purpose(name: "customer_service") { reidentify(token: $t) }',
      { t: token },
      { role: 'support-agent' },
    );
    expect(agent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('consent-gated roles (a subject who consented to marketing and analytics)', () => {
  const consenting = world.people.find((p) => {
    const records = (world.rows['compliance.consent_records'] ?? []).filter(
      (r) => String(r.user_id) === p.identities.user_id[0],
    );
    const granted = (purpose: string) =>
      records.filter((r) => r.purpose === purpose).pop()?.granted === true;
    return (
      p.flags.systems.length >= 7 && !p.flags.minor && granted('marketing') && granted('analytics')
    );
  })!;
  const userId = consenting.identities.user_id[0]!;
  const events = (world.rows['analytics.events'] ?? []).filter(
    (row) => String(row.user_id) === userId,
  );
  const selection =
    '{ accounts { users { id full_name phone date_of_birth gender } } analytics { events { page ip } } }';

  it('marketing-app sees pseudonymous ids only', async () => {
    const result = await execute(
      gateway,
      query('marketing', selection),
      { by: { user_id: userId } },
      { role: 'marketing-app' },
    );
    const subject = result.data?.subject as {
      accounts: { users: Record<string, unknown>[] };
      analytics: { events: Record<string, unknown>[] };
    };
    expect(subject.accounts.users[0]).toEqual({
      id: hmac(userId),
      full_name: null,
      phone: null,
      date_of_birth: null,
      gender: null,
    });
    expect(subject.analytics.events.every((e) => e.page === null && e.ip === null)).toBe(true);
  });

  it('analytics-app sees generalized demographics and behaviour, no direct identifiers', async () => {
    const result = await execute(
      gateway,
      query('analytics', selection),
      { by: { user_id: userId } },
      { role: 'analytics-app' },
    );
    const subject = result.data?.subject as {
      accounts: { users: Record<string, unknown>[] };
      analytics: { events: Record<string, unknown>[] };
    };
    const user = world.rows['accounts.users']!.find((row) => String(row.id) === userId)!;
    expect(subject.accounts.users[0]).toEqual({
      id: hmac(userId),
      full_name: null,
      phone: null,
      date_of_birth: String(user.date_of_birth).slice(0, 4),
      gender: user.gender,
    });
    const shown = subject.analytics.events.map((e) => `${e.page} ${e.ip}`).sort();
    const expected = events
      .map((e) => `${e.page} ${String(e.ip).split('.').slice(0, 3).join('.')}.0/24`)
      .sort();
    expect(shown).toEqual(expected);
  });
});

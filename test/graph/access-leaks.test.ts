/**
 * Nothing denied ever leaks (SPEC §4.4), for every demo role: a denied value's text appears
 * nowhere in the response (data, errors, extensions) nor in the gateway's log, and the SQL
 * sent for a role selects no denied column except the join keys the traversal needs.
 * Consent withdrawal and minors are decided per subject.
 */
import { generateDemoWorld } from '../../seeds/demo/generate';
import { subjectKey } from '../../src/core/identity/subject-key';
import { recordConsentEvents } from '../../src/store';
import type { TestGateway } from '../support/gateway-harness';
import {
  DEMO_MAP,
  TEST_KEYS,
  everythingSelection,
  execute,
  loadMap,
  loadPolicy,
  DEMO_POLICY,
  startTestGateway,
} from '../support/gateway-harness';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const AS_OF = new Date('2026-11-30T00:00:00Z');
const policy = loadPolicy(DEMO_POLICY, loadMap(DEMO_MAP));
const logLines: string[] = [];
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, {
    now: () => AS_OF,
    log: (line) => logLines.push(line),
  });
});
afterAll(() => gateway?.close());

const people = world.people.filter((p) => !p.flags.workspaceOnly).slice(0, 12);

/** Raw values of every row of these people, by collection address and field key. */
function rawValues(address: string, key: string): string[] {
  return (world.rows[address] ?? [])
    .map((row) => row[key])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String);
}

describe.each([...policy.roles.values()].map((role) => [role.key, role.purposes[0]!] as const))(
  '%s (%s)',
  (role, purpose) => {
    it('never lets a denied value reach the response or the log, nor its column the SQL', async () => {
      const query = `query Q($by: [IdentityInput!]!) @purpose(name: "${purpose}") { subjects(by: $by) { ${everythingSelection(gateway.app.subject.model)} } }`;
      logLines.length = 0;
      gateway.statements.length = 0;
      const result = await execute(
        gateway,
        query,
        { by: people.map((p) => ({ user_id: p.identities.user_id[0] })) },
        { role, purpose },
      );
      const body = JSON.stringify(result);
      const privacy = result.extensions?.privacy as
        { denied: { coordinate: string }[] } | undefined;
      const model = gateway.app.subject.model;
      let checked = 0;
      for (const { coordinate } of privacy?.denied ?? []) {
        const [typeName, fieldName] = coordinate.split('.') as [string, string];
        const type = [...model.collections.values()].find((t) => t.name === typeName);
        const field = type?.fields.find((f) => f.name === fieldName);
        if (!type || field?.target.kind !== 'column') continue;
        const def = field.target.field;
        const isKey =
          type.def.primaryKey.includes(def.key) ||
          def.identity !== undefined ||
          def.references !== undefined;
        for (const value of rawValues(type.address, def.key).filter((v) => v.length >= 6)) {
          expect(body.includes(value) ? `${coordinate} leaked` : 'ok').toBe('ok');
          expect(logLines.join('\n').includes(value) ? `${coordinate} logged` : 'ok').toBe('ok');
          checked++;
        }
        const selecting = gateway.statements.filter((s) =>
          s.text.includes(
            `FROM "${type.system.source?.kind === 'postgres' ? type.system.source.schema : ''}"."${type.def.table}"`,
          ),
        );
        if (!isKey && policyDenies(role, purpose, coordinate)) {
          for (const statement of selecting)
            expect(statement.text).not.toContain(`AS "${def.key}"`);
        }
      }
      expect(privacy).toBeDefined();
      expect(checked).toBeGreaterThanOrEqual(role === 'dpo' ? 0 : 1);
    });
  },
);

/** Denied for the role whatever the subject (not merely for lack of consent). */
function policyDenies(role: string, purpose: string, coordinate: string): boolean {
  return gatewayTable(role, purpose).fields.get(coordinate)?.decision.effect === 'deny';
}

function gatewayTable(role: string, purpose: string) {
  // the same precomputed table the request used
  return compileAccessTable(policy, gateway.app.subject.model, role, purpose);
}

import { compileAccessTable } from '../../src/access/access-table';

describe('consent', () => {
  // the last such person: other files read the first, and the store is shared
  const consenting = world.people.findLast((p) => {
    const id = p.identities.user_id[0];
    const records = (world.rows['compliance.consent_records'] ?? []).filter(
      (r) => String(r.user_id) === id && r.purpose === 'marketing',
    );
    return records.length > 0 && records[records.length - 1]?.granted === true;
  })!;
  const query =
    'query Q($by: IdentityInput!) @purpose(name: "marketing") { subject(by: $by) { accounts { users { id } } tracking { identifiers { cookie_id } } } }';
  const by = { user_id: consenting.identities.user_id[0]! };

  it('a consent-gated purpose reads pseudonymous ids of a consenting subject; a withdrawal denies the next query', async () => {
    const before = await execute(gateway, query, { by }, { role: 'marketing-app' });
    expect(before.errors).toBeUndefined();
    const users = (before.data?.subject as { accounts: { users: { id: string }[] } }).accounts
      .users;
    expect(users[0]?.id).toMatch(/^h_[0-9a-f]{64}$/);

    await recordConsentEvents(gateway.store, [
      {
        subjectKey: subjectKey(TEST_KEYS.hashKey, 'user_id', by.user_id),
        purpose: 'marketing',
        action: 'withdraw',
        recordedBy: 'test',
      },
    ]);
    const after = await execute(gateway, query, { by }, { role: 'marketing-app' });
    const subject = after.data?.subject as {
      accounts: { users: unknown };
      tracking: { identifiers: unknown };
    };
    expect(subject.accounts.users).toBeNull();
    expect(subject.tracking.identifiers).toBeNull();
    expect(after.errors?.map((e) => e.extensions?.reason)).toEqual(['NO_CONSENT', 'NO_CONSENT']);
    expect(JSON.stringify(after)).not.toContain(by.user_id);
  });
});

describe('minors', () => {
  const minor = world.people.find(
    (p) =>
      p.flags.minor &&
      !p.flags.workspaceOnly &&
      Number(p.identities.user_id[0]) % 2 === 1 &&
      p.names.chinese,
  )!;

  it('are at most de-identified without guardian consent, and the reason is never shown', async () => {
    const result = await execute(
      gateway,
      'query Q($by: IdentityInput!) @purpose(name: "customer_service") { subject(by: $by) { accounts { users { full_name } } } }',
      { by: { user_id: minor.identities.user_id[0]! } },
      { role: 'support-agent' },
    );
    const users = (result.data?.subject as { accounts: { users: { full_name: string }[] } })
      .accounts.users;
    const name = minor.names.chinese!;
    expect(users[0]?.full_name).not.toBe(name);
    expect(users[0]?.full_name?.startsWith(name[0]!)).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/MINOR/);
  });
});

/**
 * A role may look a person up only by an identity kind it may read in some form
 * (src/access/lookup-kinds.ts, SPEC §4.4): otherwise a lookup would tell it whose a value is
 * — whose e-mail, whose national id — and undo the pseudonyms it is given. Found by QA on a
 * clinic world (a researcher reading a named patient's diagnosis by national id); checked
 * here on the demo policy: refused before anything is read, FORBIDDEN on the input field
 * with the reason, no data and no audit event; de-identified kinds stay search keys.
 */
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, execute, startTestGateway } from '../support/gateway-harness';
import { eventsOfRequest, requestIdOf } from './audit/audit-events-of';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const person = world.people.find(
  (p) =>
    !p.flags.minor &&
    p.identities.phone.length > 0 &&
    p.identities.email.length > 0 &&
    p.identities.cookie_id.length > 0,
)!;

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { audit: true });
});
afterAll(() => gateway?.close());

const lookUp = (role: string, purpose: string, by: Record<string, string>) =>
  execute(
    gateway,
    `query Q($by: IdentityInput!) @purpose(name: "${purpose}") { subject(by: $by) { accounts { users { id } } } }`,
    { by },
    { role, subject: `lookup-kinds-test:${role}` },
  );

it.each([
  ['marketing-app', 'marketing', 'email', 'RULE'],
  ['analytics-app', 'analytics', 'phone', 'RULE'],
  ['support-agent', 'customer_service', 'cookie_id', 'PURPOSE_MISMATCH'],
])(
  '%s (%s) may not look people up by %s, which it may not read: FORBIDDEN, nothing read or recorded',
  async (role, purpose, kind, reason) => {
    const value =
      kind === 'email'
        ? person.identities.email[0]!
        : kind === 'phone'
          ? person.typedPhone
          : person.identities.cookie_id[0]!;
    const result = await lookUp(role, purpose, { [kind]: value });
    expect(result.data?.subject ?? null).toBeNull();
    expect(result.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', coordinate: `IdentityInput.${kind}`, reason }),
    ]);
    // the refusal says nothing about the person, not even whether there is one
    expect(JSON.stringify(result)).not.toContain(value);
    expect(await eventsOfRequest(gateway.store, requestIdOf(result))).toEqual([]);
  },
);

it.each([
  ['support-agent', 'customer_service', 'phone'],
  ['marketing-app', 'marketing', 'cookie_id'],
  ['security-analyst', 'security_operations', 'email'],
])(
  '%s (%s) may look people up by %s, which it sees de-identified or raw',
  async (role, purpose, kind) => {
    const value =
      kind === 'phone'
        ? person.typedPhone
        : kind === 'email'
          ? person.identities.email[0]!
          : person.identities.cookie_id[0]!;
    const result = await lookUp(role, purpose, { [kind]: value });
    expect(
      (result.errors ?? []).filter((e) =>
        String(e.extensions?.coordinate).startsWith('IdentityInput.'),
      ),
    ).toEqual([]);
    expect(result.data?.subject).not.toBeNull();
  },
);

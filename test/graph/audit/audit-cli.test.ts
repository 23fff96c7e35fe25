/**
 * `privgraph audit …` against a real gateway over HTTP (issue #6 items 2–3): `verify` on the
 * shared test chain exits 0 and says it is intact; `events --subject` finds a read from
 * another of the person's identities; a role without `audit.read` is refused with exit 1.
 */
import { generateDemoWorld } from '../../../seeds/demo/generate';
import type { AuthResult } from '../../../src/access/authentication';
import { runAudit } from '../../../src/cli/audit-command';
import { startHttpServer } from '../../../src/server/http-server';
import type { TestGateway } from '../../support/gateway-harness';
import { DEMO_MAP, execute, startTestGateway } from '../../support/gateway-harness';
import { requestIdOf } from './audit-events-of';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const person = world.people.filter(
  (p) => !p.flags.minor && !p.flags.workspaceOnly && p.identities.email.length > 0,
)[5]!;

let gateway: TestGateway;
let url: string;
let close: () => Promise<void>;

const ROLES: Record<string, string> = { 'Bearer dpo': 'dpo', 'Bearer agent': 'support-agent' };
async function authenticate(header: string | undefined): Promise<AuthResult> {
  const role = header === undefined ? undefined : ROLES[header];
  return role
    ? {
        ok: true,
        principal: {
          subject: `audit-cli-test:${role}`,
          role,
          expiresAt: new Date(Date.now() + 600_000),
        },
      }
    : { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'send a token' };
}

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { audit: true, requests: true });
  const http = await startHttpServer(gateway.app, {
    port: 0,
    host: '127.0.0.1',
    readiness: { check: async () => ({ ready: true, checks: {} }) },
    authenticate,
    requests: { runtime: gateway.requests!, policy: gateway.requests!.policy },
  });
  url = `http://127.0.0.1:${http.port}/graphql`;
  close = http.close;
});
afterAll(async () => {
  await close?.();
  await gateway?.close();
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAudit(
    [...args, '--url', url],
    { log: (line) => out.push(line), error: (line) => err.push(line) },
    {},
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('verify: the shared chain is intact', async () => {
  const result = await cli('verify', '--token', 'dpo');
  expect(result).toMatchObject({ code: 0, err: '' });
  expect(result.out).toMatch(/^audit log intact: \d+ event\(s\), head #\d+/);
});

test('events --subject finds who read the person, from another of their identities', async () => {
  const read = await execute(
    gateway,
    'query Consult($by: IdentityInput!) @purpose(name: "customer_service") { subject(by: $by) { accounts { users { full_name } } } }',
    { by: { phone: person.typedPhone } },
    { role: 'support-agent', subject: 'audit-cli-test:reader' },
  );
  const requestId = requestIdOf(read);
  const result = await cli(
    'events',
    '--subject',
    `email=${person.identities.email[0]}`,
    '--actor',
    'audit-cli-test:reader',
    '--token',
    'dpo',
  );
  expect(result.code).toBe(0);
  expect(result.out).toContain(`request:  ${requestId}`);
  expect(result.out).toMatch(
    /read {2}by audit-cli-test:reader \(support-agent\) for customer_service/,
  );
  expect(result.out).toContain('allow     AccountsUsers.full_name · RULE');
  expect(result.out).not.toContain(person.identities.email[0]);
});

test('a role without audit.read is refused with exit 1', async () => {
  for (const command of ['verify', 'events']) {
    const result = await cli(command, '--token', 'agent');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^privgraph: FORBIDDEN: .*audit\.read/);
  }
});

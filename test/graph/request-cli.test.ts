/**
 * `privgraph request …` against a real gateway over HTTP (issue #5 item 8): an access
 * request recorded from the command line, followed with `status --wait` while a worker
 * builds the export, listed, and downloaded to a file whose hash is the one the request
 * recorded; and a role without the capability refused with exit 1.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { AuthResult } from '../../src/access/authentication';
import { runRequest } from '../../src/cli/request-command';
import type { RequestsRuntime } from '../../src/requests';
import { startHttpServer } from '../../src/server/http-server';
import type { TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, startTestGateway } from '../support/gateway-harness';
import { settleRequests } from '../support/requests-runtime';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const person = world.people.filter(
  (p) => p.flags.systems.includes('accounts') && !p.flags.minor,
)[3]!;

let gateway: TestGateway;
let rt: RequestsRuntime;
let url: string;
let close: () => Promise<void>;

const ROLES: Record<string, string> = { 'Bearer dpo': 'dpo', 'Bearer agent': 'support-agent' };
async function authenticate(header: string | undefined): Promise<AuthResult> {
  const role = header === undefined ? undefined : ROLES[header];
  return role
    ? {
        ok: true,
        principal: { subject: `cli:${role}`, role, expiresAt: new Date(Date.now() + 600_000) },
      }
    : { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'send a token' };
}

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { requests: true });
  rt = gateway.requests!;
  const http = await startHttpServer(gateway.app, {
    port: 0,
    host: '127.0.0.1',
    readiness: { check: async () => ({ ready: true, checks: {} }) },
    authenticate,
    requests: { runtime: rt, policy: rt.policy },
  });
  url = `http://127.0.0.1:${http.port}/graphql`;
  close = http.close;
});
afterAll(async () => {
  await close?.();
  await gateway?.close();
});

async function cli(token: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await runRequest(
    [...args, '--url', url, '--token', token],
    { log: (line) => out.push(line), error: (line) => err.push(line) },
    {},
    { progress: { write: (text) => progress.push(text), isTTY: false }, pollMs: 50 },
  );
  return { code, out: out.join('\n'), err: err.join('\n'), progress: progress.join('') };
}

it('records an access request, follows it to the end, lists it and downloads its package', async () => {
  const opened = await cli(
    'agent',
    'access',
    '--identity',
    `user_id=${person.identities.user_id[0]}`,
    '--verified',
    'ID card at the service desk',
    '--json',
  );
  expect(opened).toMatchObject({ code: 0, err: '' });
  const { id } = JSON.parse(opened.out) as { id: string };

  const [followed] = await Promise.all([
    cli('dpo', 'status', id, '--wait', '--timeout', '60'),
    settleRequests(rt, [id]),
  ]);
  expect(followed.code).toBe(0);
  expect(followed.progress).toMatch(new RegExp(`request ${id}: completed — 1/1 tasks done`));
  expect(followed.out).toMatch(/status: {4}completed/);
  expect(followed.out).toMatch(
    /reply to the person:\n {2}A copy of your personal information is ready/,
  );

  const listed = await cli('dpo', 'list', '--status', 'completed', '--limit', '500');
  expect(listed.out).toContain(id);

  const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-cli-'));
  const file = path.join(dir, 'export.json');
  const refused = await cli('agent', 'download', id, '--out', file);
  expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/^privgraph: FORBIDDEN: /) });
  const downloaded = await cli('dpo', 'download', id, '--out', file);
  expect(downloaded.code).toBe(0);
  const recorded = (await rt.store.query(
    'SELECT package_hash FROM privgraph.rights_requests WHERE id = $1',
    [id],
  )) as { package_hash: string }[];
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(
    recorded[0]?.package_hash,
  );
});

it('a role that may not approve is refused with exit 1 and the gateway’s code', async () => {
  const result = await cli('agent', 'approve', '00000000-0000-4000-8000-000000000000');
  expect(result).toMatchObject({ code: 1, err: expect.stringMatching(/^privgraph: FORBIDDEN: /) });
});

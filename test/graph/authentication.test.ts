/**
 * Authentication over HTTP with the real gateway (SPEC §4.1, issue #3 acceptance): no token,
 * an expired token, `alg: none`, a token signed with another key → 401 and no statement
 * reaches any source; a genuine token without a policy role → 403, likewise; a valid token →
 * the query runs and its principal reaches the context. And `privgraph token` mints, from the
 * data directory's demo secret, a token the gateway's keys accept.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { Principal } from '../../src/access/authentication';
import { createTokenVerifier, mintToken } from '../../src/access/authentication';
import { readConfig } from '../../src/server/config';
import { startHttpServer } from '../../src/server/http-server';
import { DEMO_AUDIENCE, DEMO_ISSUER, loadDeploymentKeys } from '../../src/server/keys';
import type { TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, ROOT, startTestGateway } from '../support/gateway-harness';

jest.setTimeout(60_000);

const secret = randomBytes(32);
const keys = { jwt: { kind: 'secret', algorithm: 'HS256', secret, origin: 'test' } } as const;
const ROLES = new Set(['dpo', 'support-agent']);
/** A seeded person with an account (the test world: seed 7, as global-setup seeds it). */
const person = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
}).people.find((p) => p.flags.systems.includes('accounts'))!;
const QUERY = `query @purpose(name: "dsar") { subject(by: { phone: "${person.typedPhone}" }) { accounts { users { full_name } } } }`;

let gateway: TestGateway;
let base: string;
let close: () => Promise<void>;
const principals: (Principal | undefined)[] = [];

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP);
  const verifier = createTokenVerifier(keys, {
    issuer: DEMO_ISSUER,
    audience: DEMO_AUDIENCE,
    roleClaim: 'role',
    knownRoles: ROLES,
  });
  const app = gateway.app;
  const http = await startHttpServer(
    {
      ...app,
      createContext: (principal?: Principal) => {
        principals.push(principal);
        return app.createContext(principal);
      },
    },
    {
      port: 0,
      host: '127.0.0.1',
      readiness: { check: async () => ({ ready: true, checks: {} }) },
      authenticate: verifier.verify,
    },
  );
  base = `http://127.0.0.1:${http.port}`;
  close = http.close;
});
afterAll(async () => {
  await close?.();
  await gateway?.close();
});

const mint = (role = 'dpo', ttlSeconds = 600) =>
  mintToken(keys, {
    role,
    subject: `test:${role}`,
    ttlSeconds,
    issuer: DEMO_ISSUER,
    audience: DEMO_AUDIENCE,
  });

function post(authorization?: string, query = QUERY): Promise<Response> {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ query }),
  });
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const refused: [string, () => Promise<string | undefined>, 401 | 403, RegExp][] = [
  ['no token', async () => undefined, 401, /Authentication required/],
  [
    'an expired token',
    async () =>
      `Bearer ${await new SignJWT({ role: 'dpo' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('test:dpo')
        .setIssuer(DEMO_ISSUER)
        .setAudience(DEMO_AUDIENCE)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(secret)}`,
    401,
    /has expired/,
  ],
  [
    'alg: none',
    async () =>
      `Bearer ${part({ alg: 'none' })}.${part({
        sub: 'test:dpo',
        role: 'dpo',
        iss: DEMO_ISSUER,
        aud: DEMO_AUDIENCE,
        exp: Math.floor(Date.now() / 1000) + 600,
      })}.`,
    401,
    /accepts HS256 only/,
  ],
  [
    'a token signed with another key',
    async () =>
      `Bearer ${await mintToken(
        { jwt: { ...keys.jwt, secret: randomBytes(32) } },
        {
          role: 'dpo',
          subject: 'x',
          ttlSeconds: 600,
          issuer: DEMO_ISSUER,
          audience: DEMO_AUDIENCE,
        },
      )}`,
    401,
    /signature does not verify/,
  ],
  ['a role the policy does not have', async () => `Bearer ${await mint('root')}`, 403, /"root"/],
];

describe('a request without a valid token', () => {
  it.each(refused)(
    '%s: refused before anything runs; no source is read',
    async (_name, header, status, message) => {
      const before = gateway.statements.length;
      const response = await post(await header());
      expect(response.status).toBe(status);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({
        errors: [
          {
            message: expect.stringMatching(message),
            extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
          },
        ],
      });
      if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(gateway.statements.length).toBe(before);
    },
  );

  it('refuses a GET carrying a query; the bare landing page stays open', async () => {
    const before = gateway.statements.length;
    const withQuery = await fetch(`${base}/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(withQuery.status).toBe(401);
    expect(gateway.statements.length).toBe(before);
    const landing = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('leaves /healthz and /readyz open', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});

describe('a request with a valid token', () => {
  it('runs, reads the sources, and hands the principal to the context', async () => {
    const before = gateway.statements.length;
    principals.length = 0;
    const response = await post(`Bearer ${await mint('dpo')}`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain(person.names.full);
    expect(gateway.statements.length).toBeGreaterThan(before);
    expect(principals).toEqual([
      {
        subject: 'test:dpo',
        role: 'dpo',
        tokenId: expect.any(String),
        expiresAt: expect.any(Date),
      },
    ]);
  });

  it('also over GET', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { authorization: `Bearer ${await mint()}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
  });
});

describe('privgraph token', () => {
  const run = promisify(execFile);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'privgraph-token-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // The roles come from the policy beside the data map: a small one of this test's own.
  writeFileSync(path.join(dataDir, 'policy.yaml'), 'roles:\n  dpo: {}\n  support-agent: {}\n');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PRIVGRAPH_DATA_DIR: dataDir,
    PRIVGRAPH_DATAMAP: path.join(dataDir, 'datamap.yaml'),
  };
  const cli = (...args: string[]) =>
    run(process.execPath, ['bin/privgraph.js', 'token', ...args], { cwd: ROOT, env });

  it('prints only a token the data directory’s keys accept', async () => {
    const { stdout, stderr } = await cli('--role', 'dpo', '--ttl', '2h');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/token for role "dpo", subject "cli:.+", valid until/);
    const deployment = await loadDeploymentKeys(
      readConfig({ PRIVGRAPH_DATA_DIR: dataDir }),
      dataDir,
    );
    const verifier = createTokenVerifier(deployment, {
      ...deployment.jwtClaims,
      knownRoles: new Set(['dpo']),
    });
    expect(await verifier.verify(`Bearer ${stdout.trim()}`)).toMatchObject({
      ok: true,
      principal: { role: 'dpo' },
    });
  });

  it('refuses a role the policy does not have, and a bad --ttl', async () => {
    await expect(cli('--role', 'root')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /unknown role "root"; the roles of .*policy.yaml are: dpo, support-agent/,
      ),
    });
    await expect(cli('--role', 'dpo', '--ttl', 'forever')).rejects.toMatchObject({ code: 2 });
  });
});

/**
 * The HTTP front: health and readiness endpoints, and what a client gets for bad requests.
 */
import type { Server } from 'node:http';
import { startHttpServer } from '../../src/server/http-server';
import type { TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, startTestGateway } from '../support/gateway-harness';

let up: TestGateway;
let down: TestGateway;
const servers: { server: Server; port: number; close(): Promise<void> }[] = [];

function readinessOf(gateway: TestGateway) {
  return {
    async check() {
      const checks: Record<string, { ok: boolean; error?: string }> = {};
      for (const connector of gateway.sources.all()) {
        const health = await connector.health();
        checks[`source:${connector.system}`] = {
          ok: health.ok,
          ...(health.ok ? {} : { error: 'unreachable' }),
        };
      }
      return { ready: Object.values(checks).every((c) => c.ok), checks };
    },
  };
}

async function serve(gateway: TestGateway): Promise<string> {
  const http = await startHttpServer(gateway.app, {
    port: 0,
    host: '127.0.0.1',
    readiness: readinessOf(gateway),
  });
  servers.push(http);
  return `http://127.0.0.1:${http.port}`;
}

beforeAll(async () => {
  up = await startTestGateway(DEMO_MAP);
  down = await startTestGateway(DEMO_MAP, {
    env: { ...process.env, ANALYTICS_DATABASE_URL: 'postgres://postgres@127.0.0.1:9/nowhere' },
  });
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await up?.close();
  await down?.close();
});

const post = (base: string, body: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('HTTP front', () => {
  it('answers /healthz and /readyz when every source answers', async () => {
    const base = await serve(up);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });

  it('/readyz says which source is down; /healthz still answers', async () => {
    const base = await serve(down);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks['source:analytics']?.ok).toBe(false);
    expect(body.checks['source:accounts']?.ok).toBe(true);
  });

  it('refuses malformed JSON and malformed GraphQL with a code, never a stack', async () => {
    const base = await serve(up);
    const badJson = await post(base, '{"query": ');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST' } }],
    });
    const badQuery = await post(
      base,
      JSON.stringify({ query: '{ subject(by: {pone: "1"}) { identities { kind } } }' }),
    );
    const body = (await badQuery.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]?.message).toMatch(/Did you mean "phone"/);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at Object/);
    const unparsable = await post(base, JSON.stringify({ query: '{ subject(' }));
    expect(
      ((await unparsable.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
        ?.extensions.code,
    ).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('tells every cache not to keep a GraphQL response (personal data): no-store', async () => {
    const base = await serve(up);
    const ok = await post(base, JSON.stringify({ query: '{ dataMap { version } }' }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const bad = await post(base, JSON.stringify({ query: '{ subject(' }));
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });

  it('answers unknown paths with 404', async () => {
    const base = await serve(up);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

/**
 * A source that is merely unreachable does not take the gateway down: the query returns
 * the other systems' data plus an error naming the unreachable system, within the timeout.
 */
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, execute, startTestGateway } from '../support/gateway-harness';

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
let gateway: TestGateway;

beforeAll(async () => {
  // port 9 (discard) on loopback: nothing listens there, the connection is refused at once
  gateway = await startTestGateway(DEMO_MAP, {
    // (a database source; an HTTP service that is down: test/graph/http-source.test.ts)
    env: { ...process.env, ANALYTICS_DATABASE_URL: 'postgres://postgres@127.0.0.1:9/nowhere' },
  });
});
afterAll(() => gateway?.close());

it('returns the other systems and names the unreachable one', async () => {
  const person = world.people.find((p) => p.flags.systems.length >= 7 && !p.flags.workspaceOnly)!;
  const started = Date.now();
  const result = await execute(
    gateway,
    'query Q($by: IdentityInput!) { subject(by: $by) { accounts { users { full_name } } analytics { events { page } } } }',
    { by: { phone: person.identities.phone[0]! } },
  );
  expect(Date.now() - started).toBeLessThan(10_000);
  const subject = result.data?.subject as Record<string, unknown>;
  expect((subject.accounts as { users: unknown[] }).users.length).toBeGreaterThan(0);
  expect(subject.analytics).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions).toEqual({
    code: 'SOURCE_UNAVAILABLE',
    system: 'analytics',
  });
  expect(result.errors?.[0]?.message).toMatch(/analytics/);
  expect(result.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
});

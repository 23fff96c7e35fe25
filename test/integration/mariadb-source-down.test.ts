/**
 * A MariaDB source that does not answer does not take the gateway down (issue #4
 * acceptance): the query returns the PostgreSQL systems' data plus one error naming the
 * workspace system, within the connect timeout.
 */
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { TestGateway } from '../support/gateway-harness';
import { execute, startTestGateway } from '../support/gateway-harness';
import { mariadbDemoMap } from '../support/mysql-test-database';

const mariadbMap = mariadbDemoMap();
const MARIADB_MAP = mariadbMap.file;
afterAll(() => mariadbMap.remove());
const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
let gateway: TestGateway;

beforeAll(async () => {
  // port 9 (discard) on loopback: nothing listens there, the connection is refused at once
  gateway = await startTestGateway(MARIADB_MAP, {
    env: { ...process.env, WORKSPACE_MYSQL_URL: 'mysql://root@127.0.0.1:9/nowhere_test' },
    connectTimeoutMs: 2000,
  });
});
afterAll(() => gateway?.close());

it('returns the PostgreSQL systems and names the MariaDB one that is down', async () => {
  const person = world.people.find((p) => p.flags.systems.length >= 7 && !p.flags.workspaceOnly)!;
  const started = Date.now();
  const result = await execute(
    gateway,
    'query Q($by: IdentityInput!) { subject(by: $by) { accounts { users { full_name } } workspace { employees { title } } } }',
    { by: { phone: person.identities.phone[0]! } },
  );
  expect(Date.now() - started).toBeLessThan(10_000);
  const subject = result.data?.subject as Record<string, unknown>;
  expect((subject.accounts as { users: unknown[] }).users.length).toBeGreaterThan(0);
  expect(subject.workspace).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions).toEqual({
    code: 'SOURCE_UNAVAILABLE',
    system: 'workspace',
  });
  expect(result.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
});

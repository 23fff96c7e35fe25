/**
 * Statement counts (SPEC §5: bounded by the collections a query touches, never by the
 * number of subjects) and hostile input (SQL metacharacters, huge strings): no rows, a
 * clean error or an empty result, never a database error's text.
 */
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { TestGateway } from '../support/gateway-harness';
import { ADULTS_ONLY } from '../support/gateway-harness';
import {
  DEMO_MAP,
  everythingSelection,
  execute,
  startTestGateway,
} from '../support/gateway-harness';

const SUBJECTS = Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300);
const world = generateDemoWorld({ subjects: SUBJECTS, seed: 7 });
let gateway: TestGateway;

beforeAll(async () => {
  // Traversal tests: ages are computed against a far-future clock so no subject is a minor
  // (minors' values are de-identified even for the DPO; tested in test/graph/access-*).
  gateway = await startTestGateway(DEMO_MAP, { now: ADULTS_ONLY });
});
afterAll(() => gateway?.close());

async function statementsFor(query: string, variables: Record<string, unknown>) {
  gateway.statements.length = 0;
  const result = await execute(gateway, query, variables);
  expect(result.errors).toBeUndefined();
  return { count: gateway.statements.length, result };
}

// People of one shape (the same collections hold one row or more of theirs): the groups
// walk the same paths, so a difference in statements could only come from batching that
// depends on how many ask. The shape comes from the generator's ground truth.
const shapeOf = (index: number) =>
  [...world.groundTruth(index)]
    .filter(([, keys]) => keys.size > 0)
    .map(([address]) => address)
    .sort()
    .join(' ');
const shapes = new Map<string, typeof world.people>();
for (const person of world.people.filter((p) => !p.flags.workspaceOnly)) {
  const shape = shapeOf(person.index);
  shapes.set(shape, [...(shapes.get(shape) ?? []), person]);
}
const everywhere = [...shapes.values()].sort((a, b) => b.length - a.length)[0] ?? [];
const phonesOf = (people: typeof world.people) =>
  people.map((p) => ({ phone: p.identities.phone[0]! }));

describe('statements sent', () => {
  it('subjects(by:) with 5 and with 50 identities sends the same number of statements', async () => {
    const everything = `query Q($by: [IdentityInput!]!) { subjects(by: $by) { ${everythingSelection(gateway.app.subject.model)} } }`;
    const five = await statementsFor(everything, { by: phonesOf(everywhere.slice(0, 5)) });
    const fifty = await statementsFor(everything, { by: phonesOf(everywhere.slice(5, 55)) });
    expect(everywhere.slice(5, 55)).toHaveLength(50);
    expect(fifty.count).toBe(five.count);
    const collections = gateway.app.subject.model.collections.size;
    // one statement per (collection, field, comparison) per round; the demo needs a few rounds
    expect(five.count).toBeLessThanOrEqual(collections * 4);
    expect((fifty.result.data?.subjects as unknown[]).filter(Boolean)).toHaveLength(50);
  });

  it('reads only the collections a query needs and only the columns it selects plus join keys', async () => {
    const person = phonesOf(everywhere.slice(0, 1))[0]!;
    const { result } = await statementsFor(
      'query Q($by: IdentityInput!) { subject(by: $by) { accounts { users { full_name } } } }',
      { by: person },
    );
    expect(result.data?.subject).not.toBeNull();
    const read = new Set(gateway.statements.map((s) => s.system));
    expect(read.has('support')).toBe(false);
    expect(read.has('analytics')).toBe(false);
    const users = gateway.statements.filter((s) => /FROM "accounts"\."users"/.test(s.text));
    expect(users.length).toBeGreaterThan(0);
    for (const statement of users) expect(statement.text).not.toMatch(/password_hash/);
  });
});

describe('hostile identities', () => {
  const query =
    'query Q($by: IdentityInput!) { subject(by: $by) { identities { kind value } accounts { users { id } } } }';
  it.each([
    ["1' OR '1'='1", 'user_id'],
    ["x'); DROP TABLE accounts.users; --", 'email'],
    ['13800138000; SELECT pg_sleep(10)', 'phone'],
    ['\\x00\u0000', 'cookie_id'],
    ['%', 'email'],
    ['-1 UNION SELECT 1', 'user_id'],
  ])('%j as %s finds nobody and leaks no database error', async (value, kind) => {
    const result = await execute(gateway, query, { by: { [kind]: value } });
    expect(result.data?.subject ?? null).toBeNull();
    expect(JSON.stringify(result.errors ?? [])).not.toMatch(
      /syntax|SQL|relation|pg_|invalid input/i,
    );
  });

  it('a 10 kB identity is refused with BAD_USER_INPUT before any statement is sent', async () => {
    gateway.statements.length = 0;
    const result = await execute(gateway, query, {
      by: { email: `${'a'.repeat(10_000)}@example.com` },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/longer than 512 characters/);
    expect(gateway.statements).toHaveLength(0);
  });

  it('two identities in one IdentityInput are refused', async () => {
    const result = await execute(gateway, query, {
      by: { email: 'a@example.com', phone: '13800138000' },
    });
    expect(result.errors?.[0]?.extensions?.code).toMatch(
      /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
    );
  });

  it('more identities than the configured bound are refused', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ user_id: String(i + 1) }));
    const result = await execute(
      gateway,
      'query Q($by: [IdentityInput!]!) { subjects(by: $by) { identities { kind } } }',
      { by: many },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

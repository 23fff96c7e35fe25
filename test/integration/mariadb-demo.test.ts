/**
 * The demo world spanning kinds (issue #4 item 5): the 数智空间 workspace on a real
 * MariaDB, every other system on PostgreSQL. A subject query joins across both and finds
 * exactly the generator's ground truth; statements per source do not grow with the number
 * of identities asked; and the graph's types are those of the all-PostgreSQL demo.
 */
import type { DemoPerson, DemoWorld } from '../../seeds/demo/generate';
import { generateDemoWorld } from '../../seeds/demo/generate';
import { seedWorkspaceMysql } from '../../seeds/demo/mysql/seed-workspace';
import { emitSubjectSdl } from '../../src/graph/emit-sdl';
import type { TestGateway } from '../support/gateway-harness';
import {
  ADULTS_ONLY,
  DEMO_MAP,
  comparable,
  everythingSelection,
  execute,
  rowKeysOf,
  startTestGateway,
} from '../support/gateway-harness';
import {
  createFreshMysqlDatabase,
  mariadbDemoMap,
  requireMysqlTestUrl,
} from '../support/mysql-test-database';

const mariadbMap = mariadbDemoMap();
const MARIADB_MAP = mariadbMap.file;
afterAll(() => mariadbMap.remove());
const SUBJECTS = Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300);
const world: DemoWorld = generateDemoWorld({ subjects: SUBJECTS, seed: 7 });
let gateway: TestGateway;
let dropDatabase: (() => Promise<void>) | undefined;
let everything: string;

beforeAll(async () => {
  const database = await createFreshMysqlDatabase(requireMysqlTestUrl());
  dropDatabase = database.drop;
  // the same generator, seed and size as the PostgreSQL demo the global setup seeded
  await seedWorkspaceMysql(database.url, { subjects: SUBJECTS, seed: 7 });
  gateway = await startTestGateway(MARIADB_MAP, {
    env: { ...process.env, WORKSPACE_MYSQL_URL: database.url },
    now: ADULTS_ONLY,
  });
  everything = everythingSelection(gateway.app.subject.model);
}, 60_000);
afterAll(async () => {
  await gateway?.close();
  await dropDatabase?.();
});

const workspacePeople = (): DemoPerson[] => [
  ...world.people.filter((p) => p.flags.workspaceOnly).slice(0, 3),
  ...world.people.filter((p) => p.flags.systems.length >= 7 && !p.flags.workspaceOnly).slice(0, 4),
];

async function found(by: Record<string, string>) {
  const result = await execute(
    gateway,
    `query Q($by: IdentityInput!) { subject(by: $by) { ${everything} } }`,
    { by },
  );
  expect(result.errors).toBeUndefined();
  const subject = result.data?.subject as Record<string, unknown> | null;
  return subject ? comparable(rowKeysOf(gateway.app.subject.model, subject)) : {};
}

describe('the demo with its workspace on MariaDB', () => {
  it('serves the workspace from MariaDB and the other systems from PostgreSQL', () => {
    expect(gateway.sources.get('workspace')?.kind).toBe('mysql');
    expect(gateway.sources.get('accounts')?.kind).toBe('postgres');
  });

  it.each(['phone', 'email', 'user_id'])(
    'finds exactly the ground-truth rows by %s',
    async (kind) => {
      let checked = 0;
      for (const person of workspacePeople()) {
        const value = (person.identities as Record<string, readonly string[]>)[kind]?.[0];
        if (value === undefined) continue;
        expect({ person: person.index, rows: await found({ [kind]: value }) }).toEqual({
          person: person.index,
          rows: comparable(world.groundTruth(person.index, { kind, value })),
        });
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  it('joins one subject across PostgreSQL and MariaDB rows', async () => {
    const person = workspacePeople().find((p) => !p.flags.workspaceOnly)!;
    gateway.statements.length = 0;
    const rows = await found({ phone: person.typedPhone });
    expect(rows).toEqual(comparable(world.groundTruth(person.index)));
    expect(Object.keys(rows)).toEqual(
      expect.arrayContaining(['accounts.users', 'workspace.employees']),
    );
    const workspace = gateway.statements.filter((s) => s.system === 'workspace');
    expect(workspace.length).toBeGreaterThan(0);
    for (const statement of workspace)
      expect(statement.text).toMatch(/FROM `privgraph_test_\w+`\./);
  });

  it('sends as many statements per source for 50 identities as for 5', async () => {
    const people = world.people.filter(
      (p) => p.flags.systems.length >= 7 && !p.flags.workspaceOnly,
    );
    expect(people.length).toBeGreaterThanOrEqual(55);
    const query = `query Q($by: [IdentityInput!]!) { subjects(by: $by) { ${everything} } }`;
    const perSource = async (group: readonly DemoPerson[]) => {
      gateway.statements.length = 0;
      const result = await execute(gateway, query, {
        by: group.map((p) => ({ phone: p.identities.phone[0]! })),
      });
      expect(result.errors).toBeUndefined();
      expect((result.data?.subjects as unknown[]).filter(Boolean)).toHaveLength(group.length);
      const counts: Record<string, number> = {};
      for (const { system } of gateway.statements) counts[system] = (counts[system] ?? 0) + 1;
      return counts;
    };
    const five = await perSource(people.slice(0, 5));
    const fifty = await perSource(people.slice(5, 55));
    expect(fifty).toEqual(five);
    expect(five.workspace).toBeGreaterThan(0);
  });

  it('has the GraphQL types of the all-PostgreSQL demo', async () => {
    const postgres = await startTestGateway(DEMO_MAP, { now: ADULTS_ONLY });
    try {
      expect(emitSubjectSdl(gateway.app.subject.model, 'same')).toEqual(
        emitSubjectSdl(postgres.app.subject.model, 'same'),
      );
    } finally {
      await postgres.close();
    }
  });
});

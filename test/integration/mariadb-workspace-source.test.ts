/**
 * The demo's MariaDB workspace as a source: canonical lookups go through the indexed
 * generated columns (an index lookup, SPEC §5), and the start-up check (issue #4 item 6)
 * reports a mapped table or column MariaDB does not have, with system and path, and a
 * MariaDB that does not answer as unreachable.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { seedWorkspaceMysql } from '../../seeds/demo/mysql/seed-workspace';
import { parseDataMap } from '../../src/core/datamap/parse-data-map';
import type { DataMap, SystemDef } from '../../src/core/datamap/model';
import { checkSources } from '../../src/graph/check-sources';
import { SourceRegistry } from '../../src/graph/source-registry';
import type { LookupRequest } from '../../src/sources/connector';
import { loadMap } from '../support/gateway-harness';
import {
  createFreshMysqlDatabase,
  mariadbDemoMap,
  requireMysqlTestUrl,
  withMysqlAdmin,
} from '../support/mysql-test-database';

const mariadbMap = mariadbDemoMap();
const MARIADB_MAP = mariadbMap.file;
afterAll(() => mariadbMap.remove());
let url: string;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const database = await createFreshMysqlDatabase(requireMysqlTestUrl());
  ({ url, drop } = database);
  await seedWorkspaceMysql(url, { subjects: 40, seed: 3 });
}, 30_000);
afterAll(() => drop?.());

const noCache = { load: async () => [], save: async () => undefined };

function workspaceOf(map: DataMap): SystemDef {
  const system = map.systems.find((s) => s.key === 'workspace');
  if (!system) throw new Error('no workspace system');
  return system;
}

describe('canonical lookups on the MariaDB workspace', () => {
  it.each([
    ['work_email', 'email', 'someone@example.com', 'work_email__canonical'],
    ['work_phone', 'phone_cn', '+8613800138000', 'work_phone__canonical'],
    ['user_id', 'exact', '10000001', 'user_id'],
  ] as const)(
    'a lookup by %s (%s comparison of %j) uses the index on %s',
    async (field, match, value, index) => {
      const map = loadMap(MARIADB_MAP, { ...process.env, WORKSPACE_MYSQL_URL: url });
      const sources = new SourceRegistry(map, { poolSize: 1 });
      const statements: { text: string; params: number }[] = [];
      sources.observe(({ text, params }) => statements.push({ text, params }));
      try {
        const workspace = workspaceOf(map);
        const connector = sources.get('workspace')!;
        await connector.describe(workspace.collections);
        const employees = workspace.collections.find((c) => c.key === 'employees')!;
        const request: LookupRequest = {
          collection: employees,
          field: employees.fields.find((f) => f.key === field)!,
          match,
          values: [value],
          fields: ['id'],
        };
        statements.length = 0;
        await connector.lookup(request);
        const [statement] = statements;
        expect(statement?.text).toContain(`\`${index}\` IN (?)`);
        const plan = await withMysqlAdmin(url, async (admin) => {
          const [rows] = await admin.execute(
            `EXPLAIN ${statement!.text}`,
            Array(statement!.params).fill(value),
          );
          return rows as { key: string | null }[];
        });
        expect(plan[0]?.key).toBe(index);
      } finally {
        await sources.close();
      }
    },
  );
});

describe('the start-up check on MariaDB', () => {
  it('names every mapped table and column the workspace database lacks', async () => {
    const raw = parse(readFileSync(MARIADB_MAP, 'utf8')) as {
      systems: {
        workspace: {
          collections: Record<string, { table?: string; fields: Record<string, object> }>;
        };
      };
    };
    const { collections } = raw.systems.workspace;
    collections.tasks!.table = 'todo_items';
    collections.employees!.fields.work_phone = {
      ...collections.employees!.fields.work_phone,
      column: 'mobile',
    };
    const parsed = parseDataMap(stringify(raw), 'broken.yaml', {
      ...process.env,
      WORKSPACE_MYSQL_URL: url,
    });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const sources = new SourceRegistry(parsed.map, { poolSize: 1 });
    try {
      const check = await checkSources(parsed.map, sources, noCache);
      expect(check.mismatches).toEqual([
        'workspace.employees.work_phone: column "mobile" does not exist in table "employees"',
        'workspace.tasks: table "todo_items" does not exist in the source',
      ]);
      expect(check.unreachable).toEqual([]);
    } finally {
      await sources.close();
    }
  });

  it('refuses a primaryKey that does not identify a row, naming the table’s own key', async () => {
    const raw = parse(readFileSync(MARIADB_MAP, 'utf8')) as {
      systems: { workspace: { collections: Record<string, { primaryKey: string[] }> } };
    };
    raw.systems.workspace.collections.employees!.primaryKey = ['org_id'];
    const parsed = parseDataMap(stringify(raw), 'wrong-key.yaml', {
      ...process.env,
      WORKSPACE_MYSQL_URL: url,
    });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const sources = new SourceRegistry(parsed.map, { poolSize: 1 });
    try {
      const check = await checkSources(parsed.map, sources, noCache);
      expect(check.mismatches).toEqual([
        'workspace.employees: primaryKey: [org_id] does not identify a row of table "employees" (its unique keys: (id)); rows sharing it would be merged. Declare one of them, e.g. primaryKey: [id]',
      ]);
      expect(check.warnings).toEqual([]);
    } finally {
      await sources.close();
    }
  });

  it('reports a MariaDB that does not answer as unreachable, in time', async () => {
    const map = loadMap(MARIADB_MAP, {
      ...process.env,
      WORKSPACE_MYSQL_URL: 'mysql://root@127.0.0.1:9/nowhere_test',
    });
    const sources = new SourceRegistry(map, { poolSize: 1, connectTimeoutMs: 2000 });
    try {
      const started = Date.now();
      const check = await checkSources(map, sources, noCache);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(check.mismatches).toEqual([]);
      expect(check.unreachable.map((u) => u.system)).toEqual(['workspace']);
      expect(check.unreachable[0]?.error).toMatch(/workspace/);
    } finally {
      await sources.close();
    }
  });
});

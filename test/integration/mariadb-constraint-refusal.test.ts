/**
 * A write MySQL/MariaDB refuses by a constraint is a `SourceConstraintError` (permanent, not an
 * outage), naming the constraint without any value — on a real server (`npm run
 * test:mariadb`): the QA's case, deleting a family card another card still points at (1451),
 * and the other classes a rewrite can meet (duplicate key 1062, NOT NULL 1048).
 */
import type { CollectionDef } from '../../src/core/datamap/model';
import { parseDataMap } from '../../src/core/datamap/parse-data-map';
import { MysqlConnector } from '../../src/sources/mysql/mysql-connector';
import { SourceConstraintError } from '../../src/sources/source-constraint-error';
import {
  createFreshMysqlDatabase,
  requireMysqlTestUrl,
  withMysqlAdmin,
} from '../support/mysql-test-database';

let database: { url: string; drop(): Promise<void> };
let connector: MysqlConnector;
let members: CollectionDef;

beforeAll(async () => {
  database = await createFreshMysqlDatabase(requireMysqlTestUrl());
  await withMysqlAdmin(database.url, async (db) => {
    await db.query(`CREATE TABLE members (
      member_code VARCHAR(20) PRIMARY KEY,
      email VARCHAR(320) NULL,
      parent_code VARCHAR(20) NULL,
      tier VARCHAR(10) NOT NULL DEFAULT 'bronze',
      CONSTRAINT uniq_email UNIQUE (email),
      CONSTRAINT fk_parent FOREIGN KEY (parent_code) REFERENCES members(member_code)
    ) ENGINE=InnoDB`);
    await db.query(`INSERT INTO members VALUES
      ('LM-0004', 'yang@example.com', NULL, 'silver'),
      ('LM-0008', NULL, 'LM-0004', 'bronze'),
      ('LM-0005', 'ethan@example.net', NULL, 'bronze')`);
  });
  const parsed = parseDataMap(
    `
version: 1
organization: { name: Club }
identities: { email: { format: email } }
purposes: { dsar: { name: Requests } }
systems:
  loyalty:
    name: Loyalty
    source: { kind: mysql, url: '${database.url}' }
    collections:
      members:
        primaryKey: [member_code]
        purposes: [dsar]
        fields:
          member_code: {}
          email: { identity: email, category: user.contact.email }
          parent_code: { references: loyalty.members.member_code, follow: up }
          tier: {}
`,
    'club.yaml',
    {},
    {},
  );
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const [system] = parsed.map.systems;
  if (!system?.source || system.source.kind !== 'mysql') throw new Error('no mysql source');
  members = system.collections[0]!;
  connector = new MysqlConnector(system, system.source, { poolSize: 1 });
  await connector.describe([members]);
}, 60_000);
afterAll(async () => {
  await connector?.close();
  await database?.drop();
});

async function refusal(work: Parameters<MysqlConnector['transaction']>[0]) {
  const error: unknown = await connector.transaction(work).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceConstraintError);
  return error as SourceConstraintError;
}

test('deleting a card another card points at: a foreign key refusal naming the constraint', async () => {
  const error = await refusal((tx) => tx.delete(members, [{ member_code: 'LM-0004' }]));
  expect(error.facts).toEqual({
    kind: 'foreign_key',
    constraint: 'fk_parent',
    code: 'MySQL 1451 ER_ROW_IS_REFERENCED_2',
  });
  expect(error.system).toBe('loyalty');
  expect(error.in('loyalty.members').message).toMatch(
    /^source "loyalty" refused a write to loyalty\.members: it breaks constraint "fk_parent"/,
  );
  // rolled back, nothing changed
  expect(
    await withMysqlAdmin(database.url, (db) => db.query('SELECT COUNT(*) AS n FROM members')),
  ).toMatchObject([[{ n: 3 }], expect.anything()]);
});

test('a duplicate key names the key, never the duplicated value', async () => {
  const error = await refusal((tx) =>
    tx.update(members, { member_code: 'LM-0005' }, { email: 'yang@example.com' }),
  );
  expect(error.facts.kind).toBe('unique');
  expect(error.facts.constraint).toMatch(/uniq_email$/);
  expect(error.facts.code).toBe('MySQL 1062 ER_DUP_ENTRY');
  expect(error.message).not.toContain('yang@');
});

test('null in a NOT NULL column names the column', async () => {
  const error = await refusal((tx) =>
    tx.update(members, { member_code: 'LM-0005' }, { tier: null }),
  );
  expect(error.facts).toEqual({
    kind: 'not_null',
    constraint: 'tier',
    code: 'MySQL 1048 ER_BAD_NULL_ERROR',
  });
});

/**
 * The conformance fixture on MySQL/MariaDB: a fresh `privgraph_test_<random>` database on
 * the server named by PRIVGRAPH_TEST_MYSQL_URL, read back over its own `mysql2` connection
 * with explicit casts, never through the connector.
 *
 * The table uses the usual case- and accent-insensitive collation (`utf8mb4_general_ci`),
 * where a naive `IN` would find `jürgen@` for `jurgen@`; and the email's canonical form also
 * lives in an indexed generated column, so both of the connector's canonical paths (index
 * then exact check; expression) are exercised.
 */
import type { ExecuteValues } from 'mysql2';
import type { Connection } from 'mysql2/promise';
import { createConnection } from 'mysql2/promise';
import { canonicalExpressionMysql } from '../../src/sources/mysql/canonical-sql';
import { MysqlConnector } from '../../src/sources/mysql/mysql-connector';
import { createFreshMysqlDatabase, requireMysqlTestUrl } from '../support/mysql-test-database';
import type {
  ConformanceTarget,
  ConnectorFactory,
  FixtureRow,
  StatementEvent,
} from './connector-factory';
import { DOWN_SYSTEM, FIXTURE_SYSTEM, FIXTURE_TABLE } from './connector-factory';

const DDL = `CREATE TABLE ${FIXTURE_TABLE} (
  id INT PRIMARY KEY,
  account_no BIGINT,
  balance DECIMAL(12, 2),
  ratio DOUBLE,
  active BOOLEAN,
  born_on DATE,
  seen_at DATETIME(3),
  profile JSON,
  note TEXT,
  email VARCHAR(320),
  phone VARCHAR(64),
  code VARCHAR(64),
  email_canonical VARCHAR(320) AS (${canonicalExpressionMysql('email', '`email`')}) VIRTUAL,
  INDEX (email_canonical),
  INDEX (code)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`;

const NAMES = [
  'id',
  'account_no',
  'balance',
  'ratio',
  'active',
  'born_on',
  'seen_at',
  'profile',
  'note',
  'email',
  'phone',
  'code',
] as const;

const READ_BACK = `SELECT id, CAST(account_no AS CHAR) AS account_no, CAST(balance AS CHAR) AS balance,
  ratio, active, DATE_FORMAT(born_on, '%Y-%m-%d') AS born_on, seen_at, CAST(profile AS CHAR) AS profile,
  note, email, phone, code FROM ${FIXTURE_TABLE} ORDER BY id`;

export const mysqlFactory: ConnectorFactory = {
  kind: 'mysql',

  async open(): Promise<ConformanceTarget> {
    const database = await createFreshMysqlDatabase(requireMysqlTestUrl());
    let direct: Connection | undefined;
    try {
      direct = await createConnection({
        uri: database.url,
        timezone: 'Z',
        supportBigNumbers: true,
        bigNumberStrings: true,
      });
      await direct.query(DDL);
    } catch (error) {
      await direct?.end();
      await database.drop();
      throw error;
    }
    const client = direct;
    const statements: StatementEvent[] = [];
    const connector = new MysqlConnector(
      { key: FIXTURE_SYSTEM, name: 'Conformance', collections: [] },
      { kind: 'mysql', url: database.url },
      { poolSize: 2, observer: ({ system, text }) => statements.push({ system, text }) },
    );
    return {
      connector,
      statements,
      async seed(rows: readonly FixtureRow[]) {
        await client.query(`DELETE FROM ${FIXTURE_TABLE}`);
        for (const row of rows) {
          const values = NAMES.map((name) =>
            name === 'profile' && row.profile !== null ? JSON.stringify(row.profile) : row[name],
          );
          await client.execute(
            `INSERT INTO ${FIXTURE_TABLE} (${NAMES.join(', ')}) VALUES (${NAMES.map(() => '?').join(', ')})`,
            values as ExecuteValues[],
          );
        }
      },
      async readBack() {
        const [rows] = await client.query(READ_BACK);
        return (rows as Record<string, unknown>[]).map((row) => ({
          ...(row as unknown as FixtureRow),
          active: row.active === null ? null : Number(row.active) !== 0,
          profile: row.profile === null ? null : (JSON.parse(String(row.profile)) as unknown),
        }));
      },
      async close() {
        await connector.close();
        await client.end();
        await database.drop();
      },
    };
  },

  unreachable(connectTimeoutMs: number, port: number) {
    return new MysqlConnector(
      { key: DOWN_SYSTEM, name: 'Down', collections: [] },
      { kind: 'mysql', url: `mysql://root@127.0.0.1:${port}/nowhere_test` },
      { connectTimeoutMs },
    );
  },
};

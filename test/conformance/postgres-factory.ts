/**
 * The conformance fixture on PostgreSQL: a private schema `conformance_<random>` in the
 * test database this jest project prepared (embedded PGlite or a real server), read back
 * with its own `pg` client and explicit casts, never through the connector.
 */
import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import { PostgresConnector } from '../../src/sources/postgres/postgres-connector';
import { requireTestDatabaseUrl } from '../support/test-database';
import type {
  ConformanceTarget,
  ConnectorFactory,
  FixtureRow,
  StatementEvent,
} from './connector-factory';
import { DOWN_SYSTEM, FIXTURE_SYSTEM, FIXTURE_TABLE } from './connector-factory';

const COLUMNS = `
  id integer PRIMARY KEY,
  account_no bigint,
  balance numeric(12, 2),
  ratio double precision,
  active boolean,
  born_on date,
  seen_at timestamptz,
  profile jsonb,
  note text,
  email text,
  phone text,
  code text`;

const READ_BACK = `SELECT id, account_no::text AS account_no, balance::text AS balance, ratio, active,
  born_on::text AS born_on, seen_at, profile, note, email, phone, code`;

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

export const postgresFactory: ConnectorFactory = {
  kind: 'postgres',

  async open(): Promise<ConformanceTarget> {
    const url = requireTestDatabaseUrl();
    const schema = `conformance_${randomBytes(5).toString('hex')}`;
    const table = `${escapeIdentifier(schema)}.${escapeIdentifier(FIXTURE_TABLE)}`;
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA ${escapeIdentifier(schema)}`);
    await client.query(`CREATE TABLE ${table} (${COLUMNS})`);
    const statements: StatementEvent[] = [];
    const connector = new PostgresConnector(
      { key: FIXTURE_SYSTEM, name: 'Conformance', collections: [] },
      { kind: 'postgres', url, schema },
      { poolSize: 2, observer: ({ system, text }) => statements.push({ system, text }) },
    );
    return {
      connector,
      statements,
      async seed(rows: readonly FixtureRow[]) {
        await client.query(`DELETE FROM ${table}`);
        for (const row of rows) {
          const values = NAMES.map((name) =>
            name === 'profile' && row.profile !== null ? JSON.stringify(row.profile) : row[name],
          );
          await client.query(
            `INSERT INTO ${table} (${NAMES.join(', ')}) VALUES (${NAMES.map((_, i) => `$${i + 1}`).join(', ')})`,
            values,
          );
        }
      },
      async readBack() {
        const result = await client.query(`${READ_BACK} FROM ${table} ORDER BY id`);
        return result.rows as FixtureRow[];
      },
      async close() {
        await connector.close();
        await client.query(`DROP SCHEMA ${escapeIdentifier(schema)} CASCADE`);
        await client.end();
      },
    };
  },

  unreachable(connectTimeoutMs: number, port: number) {
    return new PostgresConnector(
      { key: DOWN_SYSTEM, name: 'Down', collections: [] },
      { kind: 'postgres', url: `postgres://postgres@127.0.0.1:${port}/nowhere`, schema: 'public' },
      { connectTimeoutMs },
    );
  },
};

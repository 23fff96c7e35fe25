/**
 * The conformance fixture behind an HTTP service: the demo's own service code
 * (seeds/demo/consultation-service, `startResourceService`) serving the fixture table from
 * a private schema `conformance_http_<random>` of the test database, reached by the HTTP
 * connector through endpoints declared as a data map would. The table is seeded and read
 * back with its own `pg` client, never through the service or the connector.
 */
import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import type { CollectionDef, HttpSourceDef } from '../../src/core/datamap/model';
import { HttpConnector } from '../../src/sources/http/http-connector';
import { startResourceService } from '../../seeds/demo/consultation-service/consultation-service';
import type { ResourceSpec } from '../../seeds/demo/consultation-service/resource-spec';
import { requireTestDatabaseUrl } from '../support/test-database';
import type {
  ConformanceTarget,
  ConnectorFactory,
  FixtureRow,
  StatementEvent,
} from './connector-factory';
import { DOWN_SYSTEM, FIXTURE_SYSTEM, FIXTURE_TABLE, fixtureCollection } from './connector-factory';

const COLUMNS = `id integer PRIMARY KEY, account_no bigint, balance numeric(12, 2),
  ratio double precision, active boolean, born_on date, seen_at timestamptz, profile jsonb,
  note text, email text, phone text, code text`;

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

function fixtureResource(schema: string): ResourceSpec {
  return {
    name: FIXTURE_TABLE,
    schema,
    table: FIXTURE_TABLE,
    key: 'id',
    attributes: {
      id: { type: 'int', match: 'exact' },
      account_no: { type: 'bigint', match: 'exact', writable: true },
      balance: { type: 'numeric', writable: true },
      ratio: { type: 'float', writable: true },
      active: { type: 'boolean', writable: true },
      born_on: { type: 'date', writable: true },
      seen_at: { type: 'timestamptz', writable: true },
      profile: { type: 'json', writable: true },
      note: { type: 'text', writable: true },
      email: { type: 'text', match: 'email', writable: true },
      phone: { type: 'text', match: 'phone_cn', writable: true },
      code: { type: 'text', match: 'exact', writable: true },
    },
  };
}

function source(baseUrl: string, timeoutMs: number): HttpSourceDef {
  return { kind: 'http', baseUrl, headers: {}, timeoutMs, retries: 2 };
}

export const httpFactory: ConnectorFactory = {
  kind: 'http',
  // a service has no transaction the gateway could hold (docs/http-sources.md)
  transactions: 'in-order',

  collection(key: string, table: string, primaryKey: readonly string[]): CollectionDef {
    const [pk = 'id'] = primaryKey;
    return {
      ...fixtureCollection(key, table, primaryKey),
      endpoints: {
        lookup: {
          method: 'GET',
          path: `/${table}?{field}={values}`,
          rows: 'items',
          nextPage: 'next',
          cursorParam: 'cursor',
        },
        update: {
          method: 'PATCH',
          path: `/${table}/by/${pk}/{${pk}}`,
          batch: false,
          idempotent: false,
        },
        delete: {
          method: 'POST',
          path: `/${table}/delete`,
          batch: true,
          idempotent: false,
          count: 'deleted',
        },
      },
    };
  },

  async open(): Promise<ConformanceTarget> {
    const url = requireTestDatabaseUrl();
    const schema = `conformance_http_${randomBytes(5).toString('hex')}`;
    const table = `${escapeIdentifier(schema)}.${escapeIdentifier(FIXTURE_TABLE)}`;
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA ${escapeIdentifier(schema)}`);
    await client.query(`CREATE TABLE ${table} (${COLUMNS})`);
    const service = await startResourceService({
      databaseUrl: url,
      resources: [fixtureResource(schema)],
    });
    const statements: StatementEvent[] = [];
    const connector = new HttpConnector(
      { key: FIXTURE_SYSTEM, name: 'Conformance', collections: [] },
      source(service.url, 5000),
      { observer: ({ system, text }) => statements.push({ system, text }) },
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
        return (await client.query(`${READ_BACK} FROM ${table} ORDER BY id`)).rows as FixtureRow[];
      },
      async close() {
        await connector.close();
        await service.stop();
        await client.query(`DROP SCHEMA ${escapeIdentifier(schema)} CASCADE`);
        await client.end();
      },
    };
  },

  unreachable(connectTimeoutMs: number, port: number) {
    return new HttpConnector(
      { key: DOWN_SYSTEM, name: 'Down', collections: [] },
      source(`http://127.0.0.1:${port}`, connectTimeoutMs),
    );
  },
};

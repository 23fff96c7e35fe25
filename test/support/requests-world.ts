/**
 * A small world of its own for rights-request tests: a few tables in a schema no other test
 * touches (erasure changes data, and the demo world is shared by every graph test), a data
 * map and a policy for it, and a RequestsRuntime over them — the same parts the gateway
 * wires at start (src/server/start-requests.ts), no mocks.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataMap } from '../../src/core/datamap/model';
import { parseDataMap } from '../../src/core/datamap/parse-data-map';
import { parsePolicy } from '../../src/core/policy/parse-policy';
import type { RequestsRuntime } from '../../src/requests';
import { buildRequestsRuntime } from './requests-runtime';
import { requireTestDatabaseUrl } from './test-database';
import type { TcpProxy } from './tcp-proxy';
import { startTcpProxy } from './tcp-proxy';

export interface RequestsWorld {
  readonly schema: string;
  readonly runtime: RequestsRuntime;
  readonly map: DataMap;
  /** The CRM system's way in: take it down and bring it back. */
  readonly crm: TcpProxy;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

const DDL = (s: string) => `
  CREATE SCHEMA ${s};
  CREATE TABLE ${s}.users (id int PRIMARY KEY, email text, phone text, full_name text NOT NULL);
  CREATE TABLE ${s}.orders (id int PRIMARY KEY, user_id int NOT NULL REFERENCES ${s}.users(id), item text);
  CREATE TABLE ${s}.devices (device_id text PRIMARY KEY, model text);
  CREATE TABLE ${s}.user_devices (user_id int NOT NULL, device_id text NOT NULL, PRIMARY KEY (user_id, device_id));
  CREATE TABLE ${s}.notes (id int PRIMARY KEY, user_id int, body text NOT NULL, created_on date);
  CREATE TABLE ${s}.invoices (id int PRIMARY KEY, user_id int NOT NULL, amount int, issued_on date NOT NULL);
  INSERT INTO ${s}.users VALUES
    (1, 'Alice@Example.com', '138 0013 8000', '张丽'), (2, 'bob@example.com', '13900139000', 'Bob Li');
  INSERT INTO ${s}.orders VALUES (10, 1, 'tea'), (11, 1, 'cups'), (12, 2, 'rice');
  INSERT INTO ${s}.devices VALUES ('dev-shared', 'Pad'), ('dev-alice', 'Phone'), ('dev-bob', 'Laptop');
  INSERT INTO ${s}.user_devices VALUES (1, 'dev-shared'), (2, 'dev-shared'), (1, 'dev-alice'), (2, 'dev-bob');
  INSERT INTO ${s}.notes VALUES (20, 1, 'call back about tea', '2026-01-05'), (21, 2, 'bob note', '2026-01-06');
  INSERT INTO ${s}.invoices VALUES (30, 1, 100, now()::date - 10), (31, 1, 200, DATE '2015-01-01');
  CREATE TABLE ${s}.contacts (id int PRIMARY KEY, email text, note text);
  INSERT INTO ${s}.contacts VALUES (40, 'alice@example.com', 'prefers e-mail'), (41, 'BOB@example.com', 'bob'),
    (42, 'carol@example.com', 'carol in crm');
  INSERT INTO ${s}.users VALUES (3, 'carol@example.com', '13700137000', 'Carol Wu');
  INSERT INTO ${s}.orders VALUES (13, 3, 'bread');
`;

const MAP = (url: string, crmUrl: string, s: string) => `
version: 1
organization: { name: Test shop }
identities:
  email: { format: email }
  phone: { format: phone_cn }
  user_id: {}
  device_id: { shared: true }
purposes:
  service: { name: Service }
  marketing: { name: Marketing }
  dsar: { name: Requests }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: '${url}', schema: ${s} }
    collections:
      users:
        primaryKey: [id]
        purposes: [service, marketing, dsar]
        erasure: delete
        fields:
          id: { identity: user_id, category: user.unique_id }
          email: { identity: email, category: user.contact.email }
          phone: { identity: phone, category: user.contact.phone_number }
          full_name: { category: user.name }
      orders:
        primaryKey: [id]
        purposes: [service, dsar]
        erasure: delete
        fields:
          id: {}
          user_id: { references: shop.users.id, category: user.unique_id }
          item: { category: user.behavior.purchase_history }
      devices:
        primaryKey: [device_id]
        purposes: [service, dsar]
        erasure: delete
        fields:
          device_id: { identity: device_id, category: user.device.device_id }
          model: { category: user.device.model }
      user_devices:
        primaryKey: [user_id, device_id]
        purposes: [service, dsar]
        erasure: delete
        fields:
          user_id: { references: shop.users.id, category: user.unique_id }
          device_id: { references: shop.devices.device_id, follow: up, category: user.device.device_id }
      notes:
        primaryKey: [id]
        purposes: [service, dsar]
        erasure: rewrite
        fields:
          id: {}
          user_id: { references: shop.users.id, category: user.unique_id, erasure: null }
          body: { category: user.content.private, erasure: random }
          created_on: {}
      invoices:
        primaryKey: [id]
        purposes: [service, dsar]
        erasure: delete
        fields:
          id: {}
          user_id: { references: shop.users.id, category: user.unique_id }
          amount: { category: user.financial }
          issued_on: {}
  crm:
    name: CRM (reached through a proxy the tests can take down)
    source: { kind: postgres, url: '${crmUrl}', schema: ${s} }
    collections:
      contacts:
        primaryKey: [id]
        purposes: [service, dsar]
        erasure: delete
        fields:
          id: {}
          email: { identity: email, category: user.contact.email }
          note: { category: user.content.private }
`;

const POLICY = `
version: 1
purposes:
  service: {}
  marketing: { requiresConsent: true }
  dsar: { universal: true }
roles:
  dpo:
    purposes: [dsar]
    rules: [{ category: user, access: allow }]
    may: [request.create, request.approve, request.export]
`;

/** Another world in the same frame: its tables (in the schema `s` given) and its data map
 * (`url` the database, `crmUrl` the same database through the CRM proxy). */
export interface WorldDefinition {
  readonly ddl: (schema: string) => string;
  readonly map: (url: string, crmUrl: string, schema: string) => string;
}

export async function startRequestsWorld(
  now: () => Date = () => new Date(),
  world: WorldDefinition = { ddl: DDL, map: MAP },
): Promise<RequestsWorld> {
  const url = requireTestDatabaseUrl();
  const schema = `requests_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(world.ddl(schema));
  const target = new URL(url);
  const crm = await startTcpProxy(target.hostname, Number(target.port || 5432));
  const crmUrl = new URL(url);
  crmUrl.port = String(crm.port);
  const parsed = parseDataMap(world.map(url, crmUrl.toString(), schema), `${schema}.yaml`, {}, {});
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const map = parsed.map;
  const policyResult = parsePolicy(POLICY, 'policy.yaml', {
    categories: map.categories,
    purposes: map.purposes,
  });
  if (!policyResult.ok) throw new Error(policyResult.problems.map((p) => p.message).join('\n'));
  const { runtime, close } = await buildRequestsRuntime({
    map,
    policy: policyResult.policy,
    now,
    // a source taken down must fail fast, not after the driver's default timeout
    sources: { connectTimeoutMs: 2000, queryTimeoutMs: 5000 },
  });
  return {
    schema,
    runtime,
    map,
    crm,
    sql: async <T>(text: string, params: unknown[] = []) =>
      (await client.query(text.replaceAll('$schema', schema), params)).rows as T[],
    async close() {
      await close();
      await crm.close();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

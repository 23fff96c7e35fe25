/**
 * Rows that name two people, end to end on a world of its own (found by QA on the Bamboo
 * fixture): a child's loyalty card pointing `up` to the parent's card, and a gift order whose
 * `shared` identity field holds the recipient's phone. Through the gateway each lookup finds
 * one person; an erasure takes that person's rows and never the other's (read back from the
 * source). An uncategorised reference is decided as its target's category.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  approveRequest,
  createRequestWorker,
  REQUEST_TASK_HANDLERS,
  requestErasure,
} from '../../src/requests';
import { getRequest } from '../../src/store';
import type { Caller, TestGateway } from '../support/gateway-harness';
import {
  comparable,
  everythingSelection,
  execute,
  rowKeysOf,
  startTestGateway,
} from '../support/gateway-harness';
import { requireTestDatabaseUrl } from '../support/test-database';

jest.setTimeout(60_000);

const DDL = (s: string) => `
  CREATE SCHEMA ${s};
  CREATE TABLE ${s}.customers (id text PRIMARY KEY, email text, mobile text, full_name text);
  CREATE TABLE ${s}.orders (order_no text PRIMARY KEY, customer_id text REFERENCES ${s}.customers(id),
    ship_phone text, ship_name text);
  CREATE TABLE ${s}.tickets (id int PRIMARY KEY, customer_id text, body text);
  CREATE TABLE ${s}.members (code text PRIMARY KEY, phone text, nickname text,
    parent_code text REFERENCES ${s}.members(code));
  CREATE TABLE ${s}.ledger (code text REFERENCES ${s}.members(code), seq int, points int,
    PRIMARY KEY (code, seq));
  INSERT INTO ${s}.customers VALUES ('c-alice', 'alice@example.com', '13800000001', 'Alice Wang'),
    ('c-bob', 'bob@example.com', '13800000002', 'Bob Li');
  INSERT INTO ${s}.orders VALUES ('O1', 'c-alice', '+86 138 0000 0002', 'Bob Li'),
    ('O2', 'c-bob', '13800000002', 'Bob Li');
  INSERT INTO ${s}.tickets VALUES (1, 'c-alice', 'where is the gift'), (2, 'c-bob', 'thanks');
  INSERT INTO ${s}.members VALUES ('LM-1', '13900000001', 'Dad', NULL), ('LM-2', NULL, 'Kid', 'LM-1');
  INSERT INTO ${s}.ledger VALUES ('LM-1', 1, 100), ('LM-2', 1, 5);
`;

const MAP = (url: string, s: string) => `
version: 1
organization: { name: Two People Shop }
identities:
  email: { format: email }
  phone: { format: phone_cn }
  customer_id: {}
  member_code: { format: lowercase }
purposes:
  service: { name: Service }
  dsar: { name: Requests }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: '${url}', schema: ${s} }
    collections:
      customers:
        primaryKey: [id]
        purposes: [service, dsar]
        fields:
          id: { identity: customer_id, category: user.unique_id }
          email: { identity: email, category: user.contact.email }
          mobile: { identity: phone, category: user.contact.phone_number }
          full_name: { category: user.name }
      orders:
        primaryKey: [order_no]
        purposes: [service, dsar]
        fields:
          order_no: {}
          customer_id: { references: shop.customers.id }
          ship_phone: { identity: phone, shared: true, category: user.contact.phone_number }
          ship_name: { category: user.name }
      tickets:
        primaryKey: [id]
        purposes: [service, dsar]
        fields:
          id: {}
          customer_id: { references: shop.customers.id }
          body: { category: user.content.private }
  club:
    name: Loyalty club
    source: { kind: postgres, url: '${url}', schema: ${s} }
    collections:
      members:
        primaryKey: [code]
        purposes: [service, dsar]
        fields:
          code: { identity: member_code, category: user.unique_id }
          phone: { identity: phone, category: user.contact.phone_number }
          nickname: { category: user.name }
          parent_code: { references: club.members.code, follow: up }
      ledger:
        primaryKey: [code, seq]
        purposes: [service, dsar]
        fields: { code: { references: club.members.code }, seq: {}, points: {} }
`;

const POLICY = `
version: 1
purposes: { service: {}, dsar: { universal: true } }
roles:
  dpo:
    purposes: [dsar]
    rules: [{ category: user, access: allow }]
    may: [request.create, request.approve]
  clerk:
    purposes: [service]
    rules:
      - { category: user.contact, access: allow }
      - { category: user.name, access: allow }
      - { category: user.content, access: allow }
      - { category: user.unique_id, access: hash }
`;

const CLERK: Caller = { role: 'clerk', purpose: 'service' };
const DPO_ACTOR = { subject: 'dpo@test', role: 'dpo' };

let schema: string;
let dir: string;
let client: Client;
let gateway: TestGateway;
let everything: string;

beforeAll(async () => {
  const url = requireTestDatabaseUrl();
  schema = `two_people_${randomBytes(4).toString('hex')}`;
  client = new Client({ connectionString: url });
  await client.connect();
  await client.query(DDL(schema));
  dir = mkdtempSync(path.join(tmpdir(), 'privgraph-two-people-'));
  writeFileSync(path.join(dir, 'datamap.yaml'), MAP(url, schema));
  writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
  gateway = await startTestGateway(path.join(dir, 'datamap.yaml'), {
    policyFile: path.join(dir, 'policy.yaml'),
    requests: true,
  });
  everything = `query Q($by: IdentityInput!) { subject(by: $by) { ${everythingSelection(gateway.app.subject.model)} } }`;
});

afterAll(async () => {
  await gateway?.close();
  await client?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client?.end();
  rmSync(dir, { recursive: true, force: true });
});

async function lookUp(by: Record<string, string>) {
  const result = await execute(gateway, everything, { by });
  expect(result.errors).toBeUndefined();
  const subject = result.data?.subject as Record<string, unknown>;
  const identities = (subject.identities as { kind: string; value: string }[])
    .map((i) => `${i.kind}=${i.value}`)
    .sort();
  return { rows: comparable(rowKeysOf(gateway.app.subject.model, subject)), identities, subject };
}

const sql = async (text: string) =>
  (await client.query(text.replaceAll('$s', schema))).rows as Record<string, unknown>[];

describe('subject(by:) keeps two people apart where one row names both', () => {
  it("a child's card shows the parent's as related, never the parent's points or identity", async () => {
    const kid = await lookUp({ member_code: 'lm-2' });
    expect(kid.rows).toEqual({
      'club.ledger': ['["LM-2","1"]'],
      'club.members': ['["LM-1"]', '["LM-2"]'],
    });
    expect(kid.identities).toEqual(['member_code=lm-2']);
  });

  it("the gift's recipient sees the gift order, never its buyer's account or ticket", async () => {
    const bob = await lookUp({ phone: '138-0000-0002' });
    expect(bob.rows).toEqual({
      'shop.customers': ['["c-bob"]'],
      'shop.orders': ['["O1"]', '["O2"]'],
      'shop.tickets': ['["2"]'],
    });
    expect(bob.identities).toEqual([
      'customer_id=c-bob',
      'email=bob@example.com',
      'phone=+8613800000002',
    ]);
  });

  it("the buyer sees her order, never the recipient's account", async () => {
    const alice = await lookUp({ email: 'ALICE@example.com' });
    expect(alice.rows).toEqual({
      'shop.customers': ['["c-alice"]'],
      'shop.orders': ['["O1"]'],
      'shop.tickets': ['["1"]'],
    });
    expect(alice.identities).not.toContain('phone=+8613800000002');
  });
});

describe('an uncategorised reference is decided as its target', () => {
  it("a role hashing user.unique_id gets the order's customer_id and the ledger code hashed, joinable", async () => {
    const query = `query Q($by: IdentityInput!) { subject(by: $by) { ${everythingSelection(gateway.app.subject.model).replace('identities { kind value shared }', '')} } }`;
    const result = await execute(gateway, query, { by: { member_code: 'LM-2' } }, CLERK);
    const text = JSON.stringify(result.data);
    expect(text).not.toContain('"LM-2"');
    expect(text).not.toContain('"LM-1"');
    const club = (result.data?.subject as Record<string, Record<string, Record<string, unknown>[]>>)
      .club;
    const kidCard = club?.members?.find((m) => m.nickname === 'Kid');
    expect(club?.ledger?.[0]?.code).toEqual(kidCard?.code); // one pseudonym across both
    const shop = await execute(gateway, query, { by: { email: 'alice@example.com' } }, CLERK);
    expect(JSON.stringify(shop.data)).not.toContain('c-alice');
  });
});

describe('erasure takes one person and leaves the other', () => {
  async function erase(subject: { kind: string; value: string }) {
    const planned = await requestErasure(gateway.requests!, DPO_ACTOR, {
      subject,
      identityVerification: 'in person',
    });
    expect(planned.status).toBe('awaiting_approval');
    await approveRequest(gateway.requests!, DPO_ACTOR, planned.id);
    const worker = createRequestWorker(gateway.requests!, REQUEST_TASK_HANDLERS, {
      workerId: `w-${schema}`,
    });
    await worker.drain();
    return { planned, done: await getRequest(gateway.requests!.store, planned.id) };
  }

  it("erasing the child deletes the child's card and points, never the parent's", async () => {
    const { planned, done } = await erase({ kind: 'member_code', value: 'LM-2' });
    expect(planned.planSummary).toMatchObject({
      // the parent's card: another person's own record, not changed (not a shared row)
      collections: { 'club.members': { delete: 1, related: 1 }, 'club.ledger': { delete: 1 } },
    });
    expect(done?.status).toBe('completed');
    expect(await sql(`SELECT code FROM $s.members ORDER BY code`)).toEqual([{ code: 'LM-1' }]);
    expect(await sql(`SELECT code, seq FROM $s.ledger`)).toEqual([{ code: 'LM-1', seq: 1 }]);
  });

  it("erasing the recipient keeps the buyer's gift order, account and ticket", async () => {
    const { planned, done } = await erase({ kind: 'phone', value: '13800000002' });
    expect(planned.planSummary).toMatchObject({
      collections: {
        'shop.customers': { delete: 1 },
        // the gift order is the buyer's own record: related, not changed
        'shop.orders': { delete: 1, related: 1 },
        'shop.tickets': { delete: 1 },
      },
    });
    expect(done?.status).toBe('completed');
    expect(await sql(`SELECT id FROM $s.customers`)).toEqual([{ id: 'c-alice' }]);
    expect(await sql(`SELECT order_no, customer_id FROM $s.orders`)).toEqual([
      { order_no: 'O1', customer_id: 'c-alice' },
    ]);
    expect(await sql(`SELECT id FROM $s.tickets`)).toEqual([{ id: 1 }]);
  });
});

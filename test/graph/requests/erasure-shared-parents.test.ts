/**
 * Erasure on a shop world like the QA's Bamboo Mart (test/fixtures/bamboo): a gift order
 * belongs to its buyer (`customer_id`) and its recipient (`recipient_id`), both `follow: down`
 * references. Erasing the buyer keeps the gift order AND its lines, which are the recipient's
 * too (SPEC §6: a row that also belongs to another person is neither deleted nor rewritten
 * while another owner remains); erasing the recipient afterwards removes them. And an erasure
 * that finds nothing anywhere completes at once, with a reply and its audit events.
 * Checked by reading the tables directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditWriter } from '../../../src/audit';
import { checkpointFile, createAuditWriter } from '../../../src/audit';
import type { RequestsRuntime } from '../../../src/requests';
import {
  approveRequest,
  closeAccount,
  createRequestWorker,
  REQUEST_TASK_HANDLERS,
  requestErasure,
} from '../../../src/requests';
import { getRequest, listRequestEvents, listTasks } from '../../../src/store';
import { eventsOfRequest } from '../audit/audit-events-of';
import { TEST_AUDIT_KEYS } from '../../support/gateway-harness';
import type { RequestsWorld } from '../../support/requests-world';
import { startRequestsWorld } from '../../support/requests-world';
import { settleRequests } from '../../support/requests-runtime';

jest.setTimeout(60_000);

const DPO = { subject: 'dpo@test', role: 'dpo' };
const VERIFIED = 'SMS code to the account phone';

const DDL = (s: string) => `
  CREATE SCHEMA ${s};
  CREATE TABLE ${s}.customers (id text PRIMARY KEY, email text, full_name text);
  CREATE TABLE ${s}."Order" (
    order_no text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES ${s}.customers(id),
    recipient_id text REFERENCES ${s}.customers(id),
    ship_address text);
  CREATE TABLE ${s}.order_lines (
    order_no text NOT NULL REFERENCES ${s}."Order"(order_no),
    line_no int NOT NULL, sku text, gift_message text,
    PRIMARY KEY (order_no, line_no));
  INSERT INTO ${s}.customers VALUES ('c-alice', 'alice@example.com', 'Alice Chen'),
    ('c-bob', 'bob@example.com', 'Bob Wang');
  INSERT INTO ${s}."Order" VALUES ('BM-1', 'c-alice', NULL, 'Alice Road 1'),
    ('BM-2', 'c-alice', 'c-bob', 'Bob Street 2'), ('BM-3', 'c-bob', NULL, 'Bob Street 2');
  INSERT INTO ${s}.order_lines VALUES ('BM-1', 1, 'TEA', NULL), ('BM-1', 2, 'CUPS', NULL),
    ('BM-2', 1, 'SCARF', 'Happy birthday, Bob!'), ('BM-3', 1, 'RICE', NULL);
`;

const MAP = (url: string, _crm: string, s: string) => `
version: 1
organization: { name: Gift shop }
identities: { email: { format: email } }
# the frame's policy (test/support/requests-world.ts) names these purposes
purposes: { service: { name: Service }, marketing: { name: Marketing }, dsar: { name: Requests } }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: '${url}', schema: ${s} }
    collections:
      customers:
        primaryKey: [id]
        purposes: [dsar]
        erasure: rewrite
        fields:
          id: { category: user.unique_id }
          email: { identity: email, category: user.contact.email, erasure: null }
          full_name: { category: user.name, erasure: mask }
      Order:
        table: Order
        primaryKey: [order_no]
        purposes: [dsar]
        erasure: rewrite
        fields:
          order_no: {}
          customer_id: { references: shop.customers.id }
          recipient_id: { references: shop.customers.id }
          ship_address: { category: user.contact.address, erasure: null }
      order_lines:
        primaryKey: [order_no, line_no]
        purposes: [dsar]
        erasure: delete
        fields:
          order_no: { references: shop.Order.order_no }
          line_no: {}
          sku: { category: user.behavior.purchase_history }
          gift_message: { category: user.content.private }
`;

let world: RequestsWorld;
let writer: AuditWriter;
let rt: RequestsRuntime;
let checkpointDir: string;

beforeAll(async () => {
  world = await startRequestsWorld(undefined, { ddl: DDL, map: MAP });
  checkpointDir = mkdtempSync(path.join(tmpdir(), 'privgraph-gift-'));
  writer = createAuditWriter(
    world.runtime.store,
    TEST_AUDIT_KEYS.chainKey,
    checkpointFile(path.join(checkpointDir, 'checkpoints.jsonl'), TEST_AUDIT_KEYS.checkpointKey),
  );
  rt = { ...world.runtime, audit: writer.record };
});
afterAll(async () => {
  await writer?.close();
  await world?.close();
  if (checkpointDir) rmSync(checkpointDir, { recursive: true, force: true });
});

const lines = () =>
  world.sql(`SELECT * FROM $schema.order_lines ORDER BY order_no, line_no`) as Promise<
    { order_no: string; line_no: number }[]
  >;

async function erase(email: string) {
  const planned = await requestErasure(rt, DPO, {
    subject: { kind: 'email', value: email },
    identityVerification: VERIFIED,
  });
  return planned;
}

async function approveAndRun(id: string) {
  await approveRequest(rt, DPO, id);
  await createRequestWorker(rt, REQUEST_TASK_HANDLERS, { workerId: 'w-gift' }).drain();
  const [done] = await settleRequests(rt, [id]);
  return done;
}

test('erasing the buyer keeps the gift order and its lines for the recipient; erasing the recipient then removes them', async () => {
  const giftBefore = await world.sql(`SELECT * FROM $schema.order_lines WHERE order_no = 'BM-2'`);
  const orderBefore = await world.sql(`SELECT * FROM $schema."Order" WHERE order_no = 'BM-2'`);

  const alice = await erase('Alice@Example.com');
  expect(alice.status).toBe('awaiting_approval');
  expect(alice.planSummary).toMatchObject({
    collections: {
      'shop.Order': { shared: 1, rewrite: 1 },
      'shop.order_lines': { delete: 2, shared: 1 },
      'shop.customers': { rewrite: 1 },
    },
    shared: expect.arrayContaining([
      { collection: 'shop.Order', via: 'shop.Order.recipient_id', rows: 1 },
      { collection: 'shop.order_lines', via: 'shop.order_lines.order_no', rows: 1 },
    ]),
    problems: [],
  });
  expect(await approveAndRun(alice.id)).toMatchObject({
    status: 'completed',
    result: { counts: { deleted: 2, shared: 2, remaining: 0 } },
  });
  expect((await lines()).map((l) => `${l.order_no}/${l.line_no}`)).toEqual(['BM-2/1', 'BM-3/1']);
  expect(await world.sql(`SELECT * FROM $schema.order_lines WHERE order_no = 'BM-2'`)).toEqual(
    giftBefore,
  );
  expect(await world.sql(`SELECT * FROM $schema."Order" WHERE order_no = 'BM-2'`)).toEqual(
    orderBefore,
  );

  // Alice is anonymised: Bob is now the gift's last owner, and his erasure removes it
  const bob = await erase('bob@example.com');
  expect(bob.planSummary).toMatchObject({
    collections: { 'shop.Order': { rewrite: 2 }, 'shop.order_lines': { delete: 2 } },
    shared: [],
  });
  expect(await approveAndRun(bob.id)).toMatchObject({ status: 'completed' });
  expect(await lines()).toEqual([]);
  expect(await world.sql(`SELECT ship_address FROM $schema."Order" ORDER BY 1`)).toEqual([
    { ship_address: null },
    { ship_address: null },
    { ship_address: null },
  ]);
});

test.each([
  ['an erasure', 'erasure'],
  ['an account closure', 'account_closure'],
] as const)(
  '%s that finds nothing in any system completes at once, with a reply, and is audited',
  async (_name, kind) => {
    const subject = { kind: 'email', value: `nobody-${kind}@example.com` };
    const input = { subject, identityVerification: VERIFIED };
    const request =
      kind === 'erasure'
        ? await requestErasure(rt, DPO, input)
        : await closeAccount(rt, DPO, input);
    expect(request).toMatchObject({
      status: 'completed',
      result: { nothingHeld: true, counts: { deleted: 0, rewritten: 0, remaining: 0 } },
      planSummary: { sources: [], problems: [] },
    });
    expect(request.reply).toContain('found no personal information about you');
    expect(request.reply).toContain('nothing to delete');
    expect(request.completedAt).not.toBeNull();
    expect(await listTasks(rt.store, request.id)).toEqual([]);
    const events = (await listRequestEvents(rt.store, request.id)).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['created', 'planned']));
    const audited = await eventsOfRequest(rt.store, request.id);
    expect(audited.map((e) => String(e.content.detail.event))).toEqual(
      kind === 'erasure'
        ? ['created', 'planned', 'completed']
        : ['created', 'consents_withdrawn', 'planned', 'completed'],
    );
    expect((await getRequest(rt.store, request.id))?.status).toBe('completed');
  },
);

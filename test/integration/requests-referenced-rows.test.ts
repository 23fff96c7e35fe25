/**
 * Rows of other people that reference the person's rows, on real PostgreSQL with real foreign
 * keys (the QA's Bamboo Mart: Liu Yang's loyalty card LM-0004 has a child card whose
 * `parent_code` points up at it).
 * - Declared in the map: the plan finds the child card, rewrites Liu's card instead of
 *   deleting it (key kept, personal fields erased), says so, and never touches the child card.
 * - Not declared (a vouchers table the map does not know): the source's foreign key refuses
 *   the delete. That is a permanent refusal, not an outage: the task fails once, not retried;
 *   the request is PARTIAL with the source under `refused` and a lastError naming the source,
 *   the collection and the constraint, without any personal value; once a person removed the
 *   cause, `retryRequest` finishes it.
 */
import {
  approveRequest,
  createRequestWorker,
  REQUEST_TASK_HANDLERS,
  requestErasure,
  retryRequest,
} from '../../src/requests';
import { getRequest, listTasks } from '../../src/store';
import type { RequestsWorld } from '../support/requests-world';
import { startRequestsWorld } from '../support/requests-world';
import { settleRequests } from '../support/requests-runtime';

jest.setTimeout(60_000);

const DPO = { subject: 'dpo@test', role: 'dpo' };
const VERIFIED = 'member card shown at the desk';

const DDL = (s: string) => `
  CREATE SCHEMA ${s};
  CREATE TABLE ${s}.members (
    member_code text PRIMARY KEY,
    phone text, nickname text,
    parent_code text CONSTRAINT members_parent_fk REFERENCES ${s}.members(member_code),
    tier text NOT NULL DEFAULT 'bronze');
  CREATE TABLE ${s}.ledger (
    member_code text NOT NULL REFERENCES ${s}.members(member_code),
    seq int NOT NULL, delta int NOT NULL, PRIMARY KEY (member_code, seq));
  -- a table the data map does not know: only the source's foreign key does
  CREATE TABLE ${s}.vouchers (
    id int PRIMARY KEY,
    member_code text NOT NULL CONSTRAINT vouchers_member_fk REFERENCES ${s}.members(member_code));
  INSERT INTO ${s}.members VALUES
    ('LM-0004', '139 1000 0004', '洋洋', NULL, 'silver'),
    ('LM-0008', NULL, '小明', 'LM-0004', 'bronze'),
    ('LM-0005', '13910000005', 'ethan', NULL, 'bronze');
  INSERT INTO ${s}.ledger VALUES ('LM-0004', 1, 1200), ('LM-0008', 1, 50), ('LM-0005', 1, 60);
  INSERT INTO ${s}.vouchers VALUES (1, 'LM-0005');
`;

const MAP = (url: string, _crm: string, s: string) => `
version: 1
organization: { name: Loyalty club }
identities:
  phone: { format: phone_cn }
  member_code: { format: lowercase }
purposes: { service: { name: Service }, marketing: { name: Marketing }, dsar: { name: Requests } }
systems:
  loyalty:
    name: Loyalty club
    source: { kind: postgres, url: '${url}', schema: ${s} }
    collections:
      members:
        primaryKey: [member_code]
        purposes: [dsar]
        erasure: delete
        fields:
          member_code: { identity: member_code, category: user.unique_id }
          phone: { identity: phone, category: user.contact.phone_number }
          nickname: { category: user.name, erasure: mask }
          parent_code: { references: loyalty.members.member_code, follow: up }
          tier: {}
      ledger:
        primaryKey: [member_code, seq]
        purposes: [dsar]
        erasure: delete
        fields:
          member_code: { references: loyalty.members.member_code }
          seq: {}
          delta: {}
`;

let world: RequestsWorld;

beforeAll(async () => {
  world = await startRequestsWorld(undefined, { ddl: DDL, map: MAP });
});
afterAll(async () => {
  await world?.close();
});

const member = (code: string) =>
  world.sql(`SELECT * FROM $schema.members WHERE member_code = $1`, [code]);

test('a card another member’s card points at is anonymised, not deleted, and the other card is untouched', async () => {
  const childBefore = await member('LM-0008');
  const planned = await requestErasure(world.runtime, DPO, {
    subject: { kind: 'phone', value: '13910000004' },
    identityVerification: VERIFIED,
  });
  expect(planned.status).toBe('awaiting_approval');
  expect(planned.planSummary).toMatchObject({
    collections: { 'loyalty.members': { rewrite: 1 }, 'loyalty.ledger': { delete: 1 } },
    referenced: [{ collection: 'loyalty.members', via: 'loyalty.members.parent_code', rows: 1 }],
    notes: [
      'loyalty.members […] is rewritten instead of deleted: rows outside this plan reference it through loyalty.members.parent_code',
    ],
    problems: [],
  });

  await approveRequest(world.runtime, DPO, planned.id);
  const [done] = await settleRequests(world.runtime, [planned.id]);
  expect(done).toMatchObject({ status: 'completed', result: { counts: { remaining: 0 } } });
  expect(done?.reply).toContain('anonymised instead of deleted');
  expect(await member('LM-0004')).toEqual([
    { member_code: 'LM-0004', phone: null, nickname: '洋*', parent_code: null, tier: 'silver' },
  ]);
  expect(await member('LM-0008')).toEqual(childBefore);
  expect(
    await world.sql(`SELECT member_code, seq FROM $schema.ledger ORDER BY member_code`),
  ).toEqual([
    { member_code: 'LM-0005', seq: 1 },
    { member_code: 'LM-0008', seq: 1 },
  ]);
});

test('a foreign key the map does not know refuses the delete: explained, not retried, resumable', async () => {
  const planned = await requestErasure(world.runtime, DPO, {
    subject: { kind: 'phone', value: '13910000005' },
    identityVerification: VERIFIED,
  });
  expect(planned.planSummary).toMatchObject({
    collections: { 'loyalty.members': { delete: 1 } },
    referenced: [],
  });
  await approveRequest(world.runtime, DPO, planned.id);
  // no retry delay: a refusal retried as an outage would run again within this drain
  await createRequestWorker(world.runtime, REQUEST_TASK_HANDLERS, { retryDelayMs: 0 }).drain();
  const partial = await getRequest(world.runtime.store, planned.id);
  expect(partial).toMatchObject({
    status: 'partial',
    result: { refused: ['loyalty'], unavailable: [] },
  });
  const [erase] = (await listTasks(world.runtime.store, planned.id)).filter(
    (t) => t.kind === 'erase',
  );
  expect(erase).toMatchObject({ status: 'failed', attempts: 1 });
  expect(erase?.lastError).toBe(
    'source "loyalty" refused a write to loyalty.members: it breaks constraint "vouchers_member_fk" (a foreign key: another row still references it, or it references a missing row; SQLSTATE 23503) — not retried: fix the data or the data map, then retry the request',
  );
  expect(JSON.stringify(partial)).not.toMatch(/LM-0005|13910000005|ethan/i);
  // the transaction rolled back: nothing of the source's plan was applied
  expect(await member('LM-0005')).toHaveLength(1);
  expect(
    await world.sql(`SELECT * FROM $schema.ledger WHERE member_code = 'LM-0005'`),
  ).toHaveLength(1);

  // the DPO settles the voucher with its owner's team, then resumes the request
  await world.sql(`DELETE FROM $schema.vouchers WHERE id = 1`);
  await retryRequest(world.runtime, DPO, planned.id);
  const [done] = await settleRequests(world.runtime, [planned.id]);
  expect(done?.status).toBe('completed');
  expect(await member('LM-0005')).toEqual([]);
  expect((await getRequest(world.runtime.store, planned.id))?.reply).toContain('deleted 2 records');
});

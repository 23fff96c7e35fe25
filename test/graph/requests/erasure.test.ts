/**
 * Erasure end to end (issue #5 item 5) on a world of its own: plan (what is deleted,
 * rewritten, exempt, shared), approval, execution by the worker from the persisted plan —
 * checked by reading the source directly, never only through the gateway.
 */
import { applySourcePlan } from '../../../src/requests/apply-source-plan';
import { unsealPlan } from '../../../src/requests/erasure-plan-store';
import {
  approveRequest,
  createRequestWorker,
  placeHold,
  REQUEST_TASK_HANDLERS,
  requestErasure,
} from '../../../src/requests';
import { getRequest, listRequestEvents, listTasks } from '../../../src/store';
import type { RequestsWorld } from '../../support/requests-world';
import { startRequestsWorld } from '../../support/requests-world';

jest.setTimeout(60_000);

const DPO = { subject: 'dpo@test', role: 'dpo' };
let world: RequestsWorld;

beforeAll(async () => {
  world = await startRequestsWorld();
});
afterAll(async () => {
  await world.close();
});

test('erasing Alice deletes and rewrites her rows, keeps what is shared or held, and leaves Bob byte-for-byte', async () => {
  const bobBefore = await bobRows();
  await placeHold(world.runtime, DPO, {
    reason: 'legal_obligation',
    note: 'tax records, 5 years',
    collection: `shop.invoices`,
    retainDays: 1825,
    dateField: 'issued_on',
  });

  const planned = await requestErasure(world.runtime, DPO, {
    subject: { kind: 'phone', value: '+86 138-0013-8000' },
    identityVerification: 'SMS code sent to the account phone',
  });
  expect(planned.status).toBe('awaiting_approval');
  expect(planned.planSummary).toMatchObject({
    collections: {
      // the held invoice references her account row: a kept row keeps what it references
      'shop.users': { exempt: 1 },
      'shop.orders': { delete: 2 },
      'shop.user_devices': { delete: 2 },
      'shop.devices': { delete: 1, shared: 1 },
      'shop.notes': { rewrite: 1 },
      'shop.invoices': { delete: 1, exempt: 1 },
    },
    exemptions: expect.arrayContaining([
      expect.objectContaining({ collection: 'shop.invoices', reason: 'legal_obligation', rows: 1 }),
    ]),
    problems: [],
  });
  // nothing is written before approval
  expect(await world.sql(`SELECT id FROM $schema.users WHERE id = 1`)).toHaveLength(1);

  await approveRequest(world.runtime, DPO, planned.id);
  const worker = createRequestWorker(world.runtime, REQUEST_TASK_HANDLERS, { workerId: 'w-test' });
  expect(await worker.drain()).toBeGreaterThan(0);
  const tasks = (await listTasks(world.runtime.store, planned.id)).sort((a, b) =>
    `${a.kind}${a.system}`.localeCompare(`${b.kind}${b.system}`),
  );
  expect(tasks.filter((t) => t.kind === 'erase').map((t) => [t.system, t.status])).toEqual([
    ['crm', 'done'],
    ['shop', 'done'],
  ]);
  expect(await world.sql(`SELECT id FROM $schema.contacts ORDER BY id`)).toEqual([
    { id: 41 },
    { id: 42 },
  ]);

  expect(await world.sql(`SELECT id FROM $schema.users WHERE id = 1`)).toEqual([{ id: 1 }]);
  expect(await world.sql(`SELECT id FROM $schema.orders WHERE user_id = 1`)).toEqual([]);
  expect(await world.sql(`SELECT device_id FROM $schema.user_devices WHERE user_id = 1`)).toEqual(
    [],
  );
  expect(await world.sql(`SELECT device_id FROM $schema.devices ORDER BY device_id`)).toEqual([
    { device_id: 'dev-bob' },
    { device_id: 'dev-shared' },
  ]);
  const [note] = await world.sql<{ user_id: number | null; body: string }>(
    `SELECT user_id, body FROM $schema.notes WHERE id = 20`,
  );
  expect(note?.user_id).toBeNull();
  expect(note?.body).not.toContain('tea');
  expect(await world.sql(`SELECT id FROM $schema.invoices ORDER BY id`)).toEqual([{ id: 30 }]);
  expect(await bobRows()).toEqual(bobBefore);

  const done = await getRequest(world.runtime.store, planned.id);
  expect(done).toMatchObject({
    status: 'completed',
    result: { counts: { remaining: 0, exempt: 2, shared: 1 } },
  });
  expect(done?.reply).toContain('§VIII.4 (a)');
  expect(tasks.map((t) => t.kind).sort()).toEqual(['erase', 'erase', 'verify']);

  // idempotent: running the persisted plan again changes nothing
  const snapshot = await everything();
  const request = await getRequest(world.runtime.store, planned.id);
  const plan = unsealPlan(world.runtime, request!).erasure!;
  for (const source of plan.sources)
    await applySourcePlan(world.runtime.traversal, world.runtime.sources, source);
  expect(await everything()).toEqual(snapshot);

  const events = await listRequestEvents(world.runtime.store, planned.id);
  expect(events.filter((e) => e.event === 'task_done')).toHaveLength(
    tasks.filter((t) => t.status === 'done').length,
  );
  expect(JSON.stringify(events)).not.toMatch(/13800138000|alice@example|张丽|tea/i);
});

async function bobRows(): Promise<unknown> {
  return {
    users: await world.sql(`SELECT * FROM $schema.users WHERE id = 2`),
    orders: await world.sql(`SELECT * FROM $schema.orders WHERE user_id = 2 ORDER BY id`),
    devices: await world.sql(
      `SELECT * FROM $schema.user_devices WHERE user_id = 2 ORDER BY device_id`,
    ),
    notes: await world.sql(`SELECT * FROM $schema.notes WHERE user_id = 2`),
  };
}

async function everything(): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of ['users', 'orders', 'devices', 'user_devices', 'notes', 'invoices'])
    out[table] = await world.sql(`SELECT * FROM $schema.${table} ORDER BY 1, 2`);
  return out;
}

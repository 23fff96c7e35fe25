/**
 * The task table as a durable queue (issue #5 item 7): one claim per task however many
 * workers race, leases that run out when a worker dies, completion only by the holder.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  claimTask,
  completeTask,
  enqueueTasks,
  failTask,
  insertRequest,
  listRequestEvents,
  listTasks,
  openStore,
  renewLease,
  retryFailedTasks,
} from '../../../src/store';
import { requireTestDatabaseUrl } from '../../support/test-database';

jest.setTimeout(30_000);

let ds: DataSource;
const kind = `test-${randomUUID().slice(0, 8)}`;
const queue = `queue-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  ds = await openStore(requireTestDatabaseUrl(), { poolSize: 4 });
});
afterAll(async () => {
  await ds.destroy();
});

async function newRequest(): Promise<string> {
  const id = randomUUID();
  await insertRequest(ds, {
    id,
    kind: 'erasure',
    status: 'approved',
    subjectKeys: ['phone:abc'],
    payloadEnc: Buffer.from([1]),
    details: {},
    identityVerification: 'test',
    requestedBy: 'tester',
    requestedRole: 'dpo',
    receivedAt: new Date(),
    dueDate: '2026-12-18',
  });
  return id;
}

test('a task is created once, claimed by exactly one of many racing workers, completed once', async () => {
  const id = await newRequest();
  await enqueueTasks(ds, id, [{ kind, system: 'a' }], queue);
  await enqueueTasks(ds, id, [{ kind, system: 'a' }], queue);
  expect(await listTasks(ds, id)).toHaveLength(1);

  const claims = await Promise.all(
    ['w1', 'w2', 'w3', 'w4'].map((w) => claimTask(ds, w, 60_000, queue, [kind])),
  );
  const won = claims.filter((c) => c !== null);
  expect(won).toHaveLength(1);
  const task = won[0]!;
  expect(await completeTask(ds, task.id, 'not-the-holder', {})).toBe(false);
  expect(await completeTask(ds, task.id, task.claimedBy!, { rows: 3 })).toBe(true);
  expect(await completeTask(ds, task.id, task.claimedBy!, { rows: 3 })).toBe(false);
  const events = await listRequestEvents(ds, id);
  expect(events.filter((e) => e.event === 'task_done')).toHaveLength(1);
  expect(await claimTask(ds, 'w5', 60_000, queue, [kind])).toBeNull();
});

test('a dead worker loses its task when its lease runs out; the late holder cannot complete it', async () => {
  const id = await newRequest();
  await enqueueTasks(ds, id, [{ kind, system: 'b' }], queue);
  const first = await claimTask(ds, 'dies', 50, queue, [kind]);
  expect(first).not.toBeNull();
  expect(await claimTask(ds, 'other', 60_000, queue, [kind])).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 120));
  const second = await claimTask(ds, 'other', 60_000, queue, [kind]);
  expect(second?.id).toBe(first?.id);
  expect(second?.attempts).toBe(2);
  expect(await renewLease(ds, first!.id, 'dies', 60_000)).toBe(false);
  expect(await completeTask(ds, first!.id, 'dies', {})).toBe(false);
  expect(await completeTask(ds, first!.id, 'other', {})).toBe(true);
});

test('a failure is retried later, or waits for a retry when no time is given', async () => {
  const id = await newRequest();
  await enqueueTasks(ds, id, [{ kind, system: 'c' }], queue);
  const task = (await claimTask(ds, 'w', 60_000, queue, [kind]))!;
  expect(
    await failTask(ds, task.id, 'w', 'source "c" is unavailable', new Date(Date.now() + 60_000)),
  ).toBe(true);
  expect(await claimTask(ds, 'w', 60_000, queue, [kind])).toBeNull();
  const [pending] = await listTasks(ds, id);
  expect(pending).toMatchObject({ status: 'pending', lastError: 'source "c" is unavailable' });

  await ds.query(`UPDATE privgraph.request_tasks SET not_before = now() WHERE id = $1`, [task.id]);
  const again = (await claimTask(ds, 'w', 60_000, queue, [kind]))!;
  expect(await failTask(ds, again.id, 'w', 'still down', null)).toBe(true);
  expect(await claimTask(ds, 'w', 60_000, queue, [kind])).toBeNull();
  expect(await retryFailedTasks(ds, id)).toBe(1);
  expect((await claimTask(ds, 'w', 60_000, queue, [kind]))?.id).toBe(task.id);
});

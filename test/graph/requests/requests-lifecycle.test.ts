/**
 * The other requests end to end (issue #5 items 4, 6, 7) on a world of their own: access
 * export (sealed, hashed, downloadable, recorded), consent withdrawal and grant, correction
 * everywhere the category is held, a source down during an erasure (PARTIAL, then a retry
 * completes it), and two workers sharing the task table.
 */
import { packageContentHash } from '../../../src/core/requests/serialize-package';
import { subjectKey } from '../../../src/core/identity/subject-key';
import {
  approveRequest,
  createRequestWorker,
  downloadPackage,
  grantConsent,
  REQUEST_TASK_HANDLERS,
  requestAccess,
  requestCorrection,
  requestErasure,
  retryRequest,
  withdrawConsent,
} from '../../../src/requests';
import {
  getRequest,
  listRequestEvents,
  listTasks,
  loadConsentStates,
  purgeExpiredPackages,
} from '../../../src/store';
import type { RequestsWorld } from '../../support/requests-world';
import { startRequestsWorld } from '../../support/requests-world';

jest.setTimeout(60_000);

const DPO = { subject: 'dpo@test', role: 'dpo' };
const VERIFIED = 'ID card checked at the service desk';
let world: RequestsWorld;

beforeAll(async () => {
  world = await startRequestsWorld();
});
afterAll(async () => {
  await world.close();
});

const worker = (id = 'w') =>
  createRequestWorker(world.runtime, REQUEST_TASK_HANDLERS, {
    workerId: id,
    retryDelayMs: 60_000,
  });

test('an access request exports every row of the person, nothing of anyone else, sealed and hashed', async () => {
  const request = await requestAccess(world.runtime, DPO, {
    subject: { kind: 'email', value: 'ALICE@example.com' },
    identityVerification: VERIFIED,
  });
  expect(request).toMatchObject({ kind: 'access', status: 'in_progress' });
  expect(request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await worker().drain();
  const done = await getRequest(world.runtime.store, request.id);
  expect(done?.status).toBe('completed');

  const pkg = await downloadPackage(world.runtime, DPO, request.id);
  expect(pkg.contentHash).toBe(done?.packageHash);
  expect(packageContentHash(pkg.json.toString('utf8'))).toBe(pkg.contentHash);
  const text = pkg.json.toString('utf8');
  const json = JSON.parse(text) as {
    systems: {
      key: string;
      collections: { key: string; rows: { values: Record<string, unknown> }[] }[];
    }[];
  };
  const rows = (system: string, collection: string) =>
    json.systems.find((s) => s.key === system)?.collections.find((c) => c.key === collection)
      ?.rows ?? [];
  expect(rows('shop', 'users').map((r) => r.values.id)).toEqual([1]);
  expect(
    rows('shop', 'orders')
      .map((r) => r.values.id)
      .sort(),
  ).toEqual([10, 11]);
  expect(rows('crm', 'contacts').map((r) => r.values.id)).toEqual([40]);
  // the shared device is in her export; Bob's own rows are not
  expect(
    rows('shop', 'devices')
      .map((r) => r.values.device_id)
      .sort(),
  ).toEqual(['dev-alice', 'dev-shared']);
  expect(text).not.toMatch(/bob@example|13900139000|Bob Li|rice|dev-bob/i);

  const events = await listRequestEvents(world.runtime.store, request.id);
  expect(events.filter((e) => e.event === 'package_downloaded')).toHaveLength(1);
  const stored = await world.sql<{ package_enc: Buffer }>(
    `SELECT package_enc FROM privgraph.export_packages WHERE request_id = $1`,
    [request.id],
  );
  expect(stored[0]?.package_enc.toString('latin1')).not.toContain('Example.com');
});

test('an expired export is purged: the hash stays as evidence, the download is refused', async () => {
  const request = await requestAccess(world.runtime, DPO, {
    subject: { kind: 'user_id', value: '1' },
    identityVerification: VERIFIED,
  });
  await worker().drain();
  await world.sql(
    `UPDATE privgraph.export_packages SET expires_at = now() - interval '1 minute' WHERE request_id = $1`,
    [request.id],
  );
  expect(await purgeExpiredPackages(world.runtime.store, new Date())).toBeGreaterThanOrEqual(1);
  const [row] = await world.sql<{ package_enc: Buffer | null; content_hash: string }>(
    `SELECT package_enc, content_hash FROM privgraph.export_packages WHERE request_id = $1`,
    [request.id],
  );
  expect(row?.package_enc).toBeNull();
  expect(row?.content_hash).toBe((await getRequest(world.runtime.store, request.id))?.packageHash);
  await expect(downloadPackage(world.runtime, DPO, request.id)).rejects.toMatchObject({
    code: 'CONFLICT',
  });
});

test('consent withdrawal and grant are recorded against every identity of the person at once', async () => {
  const keys = [
    subjectKey(world.runtime.keys.hashKey, 'user_id', '2'),
    subjectKey(world.runtime.keys.hashKey, 'email', 'bob@example.com'),
  ];
  await grantConsent(world.runtime, DPO, {
    subject: { kind: 'phone', value: '13900139000' },
    purpose: 'marketing',
    identityVerification: VERIFIED,
  });
  for (const key of keys)
    expect([...(await loadConsentStates(world.runtime.store, [[key]]))[0]!.granted]).toEqual([
      'marketing',
    ]);
  const withdrawn = await withdrawConsent(world.runtime, DPO, {
    subject: { kind: 'email', value: 'Bob@Example.com' },
    purpose: 'marketing',
    identityVerification: VERIFIED,
  });
  expect(withdrawn).toMatchObject({ status: 'completed', kind: 'consent_withdrawal' });
  expect(withdrawn.reply).toContain('withdrawn');
  for (const key of keys)
    expect([...(await loadConsentStates(world.runtime.store, [[key]]))[0]!.granted]).toEqual([]);
  await expect(
    withdrawConsent(world.runtime, DPO, {
      subject: { kind: 'email', value: 'bob@example.com' },
      purpose: 'service',
      identityVerification: VERIFIED,
    }),
  ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
});

test('a correction rewrites the category in every system that holds it, and is verified', async () => {
  const request = await requestCorrection(world.runtime, DPO, {
    subject: { kind: 'phone', value: '13900139000' },
    identityVerification: VERIFIED,
    category: 'user.contact.email',
    value: 'bob.li@example.org',
  });
  await worker().drain();
  expect(await getRequest(world.runtime.store, request.id)).toMatchObject({
    status: 'completed',
    // the category as the person reads it (its taxonomy name), not its key
    reply: expect.stringMatching(/^Your email is corrected in 2 places across 2 systems\.$/),
  });
  expect(await world.sql(`SELECT email FROM $schema.users WHERE id = 2`)).toEqual([
    { email: 'bob.li@example.org' },
  ]);
  expect(await world.sql(`SELECT email FROM $schema.contacts WHERE id = 41`)).toEqual([
    { email: 'bob.li@example.org' },
  ]);
  await expect(
    requestCorrection(world.runtime, DPO, {
      subject: { kind: 'phone', value: '13900139000' },
      identityVerification: VERIFIED,
      category: 'user.nonexistent',
      value: 'x',
    }),
  ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
});

test('a source down during an erasure makes it PARTIAL naming that source; a retry completes it', async () => {
  const planned = await requestErasure(world.runtime, DPO, {
    subject: { kind: 'email', value: 'carol@example.com' },
    identityVerification: VERIFIED,
  });
  expect(planned.status).toBe('awaiting_approval');
  await approveRequest(world.runtime, DPO, planned.id);
  await world.crm.down();
  try {
    await worker().drain();
    const partial = await getRequest(world.runtime.store, planned.id);
    expect(partial?.status).toBe('partial');
    expect(partial?.result).toMatchObject({ unavailable: ['crm'] });
    expect(await world.sql(`SELECT id FROM $schema.users WHERE id = 3`)).toEqual([]);
    expect(await world.sql(`SELECT id FROM $schema.contacts WHERE id = 42`)).toHaveLength(1);
  } finally {
    await world.crm.up();
  }
  await retryRequest(world.runtime, DPO, planned.id);
  await worker().drain();
  expect(await getRequest(world.runtime.store, planned.id)).toMatchObject({ status: 'completed' });
  expect(await world.sql(`SELECT id FROM $schema.contacts WHERE id = 42`)).toEqual([]);
  const events = await listRequestEvents(world.runtime.store, planned.id);
  const done = events.filter((e) => e.event === 'task_done').map((e) => e.taskId);
  expect(new Set(done).size).toBe(done.length);
});

test("two workers share one request's tasks: each task claimed and completed once", async () => {
  const request = await requestAccess(world.runtime, DPO, {
    subject: { kind: 'user_id', value: '2' },
    identityVerification: VERIFIED,
  });
  const [a, b] = [worker('a'), worker('b')];
  await Promise.all([a.drain(), b.drain()]);
  const events = await listRequestEvents(world.runtime.store, request.id);
  const tasks = await listTasks(world.runtime.store, request.id);
  for (const task of tasks) {
    expect(events.filter((e) => e.event === 'task_claimed' && e.taskId === task.id)).toHaveLength(
      1,
    );
    expect(events.filter((e) => e.event === 'task_done' && e.taskId === task.id)).toHaveLength(1);
  }
});

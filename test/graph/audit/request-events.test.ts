/**
 * The audit events of rights requests (SPEC §7 "every personal-data … write … records an audit
 * event"; issue #6 item 1) on a world of their own (test/support/requests-world.ts): every
 * transition leaves one `request` event and every source task that changed a source one
 * `write` event — the request's keyed subject hashes, who acted (the caller with their role,
 * or the worker), the request id, non-personal detail — the write recorded before its task is
 * marked done. Checked step by step: the events each step added, exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditWriter } from '../../../src/audit';
import { checkpointFile, createAuditWriter } from '../../../src/audit';
import type { AuditEventContent } from '../../../src/core/audit/audit-event';
import type { RequestsRuntime } from '../../../src/requests';
import {
  approveRequest,
  closeAccount,
  createRequestWorker,
  downloadPackage,
  grantConsent,
  REQUEST_TASK_HANDLERS,
  rejectRequest,
  requestAccess,
  requestCorrection,
  requestErasure,
  retryRequest,
  withdrawConsent,
} from '../../../src/requests';
import type { WorkerPoint } from '../../../src/requests';
import type { TaskRecord } from '../../../src/store';
import { getRequest, listTasks } from '../../../src/store';
import { TEST_AUDIT_KEYS } from '../../support/gateway-harness';
import type { RequestsWorld } from '../../support/requests-world';
import { startRequestsWorld } from '../../support/requests-world';
import type { AuditRow } from './audit-events-of';
import { eventsOfRequest } from './audit-events-of';

jest.setTimeout(60_000);

const DPO = { subject: 'audit-request-test:dpo', role: 'dpo' };
const VERIFIED = 'ID card checked at the service desk';
const WORKER = 'audit-request-test-worker';

let world: RequestsWorld;
let writer: AuditWriter;
let rt: RequestsRuntime;
let checkpointDir: string;

beforeAll(async () => {
  world = await startRequestsWorld();
  checkpointDir = mkdtempSync(path.join(tmpdir(), 'privgraph-audit-'));
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
  rmSync(checkpointDir, { recursive: true, force: true });
});

/** Points at which a test looks into the store while the worker is paused there. */
const pauses: ((point: WorkerPoint, task: TaskRecord) => Promise<void>)[] = [];
const drain = () =>
  createRequestWorker(rt, REQUEST_TASK_HANDLERS, {
    workerId: WORKER,
    retryDelayMs: 60_000,
    onPoint: async (point, task) => {
      for (const pause of pauses) await pause(point, task);
    },
  }).drain();

/** `request:created`, `write:crm`… — what an event says happened, in a sortable word. */
const label = ({ content }: AuditRow): string =>
  content.kind === 'write'
    ? `write:${String(content.detail.system)}`
    : `${content.kind}:${String(content.detail.event)}`;

/** The events of one request, step by step: each call returns what was added since the last. */
function follow(requestId: () => string) {
  let seen = 0;
  return async (): Promise<AuditRow[]> => {
    const events = await eventsOfRequest(rt.store, requestId());
    const added = events.slice(seen);
    seen = events.length;
    return added;
  };
}
const labels = (rows: readonly AuditRow[]) => rows.map(label).sort();

/** What every event of a request shares: its subject, id, versions; who acted. */
async function expectRequestEvents(requestId: string, events: readonly AuditRow[]) {
  const request = await getRequest(rt.store, requestId);
  for (const { content } of events) {
    const byWorker = content.kind === 'write' || content.actor === WORKER;
    expect(content).toMatchObject<Partial<AuditEventContent>>({
      subjectKeys: [...(request?.subjectKeys ?? [])].sort(),
      coordinates: [],
      requestId,
      policyVersion: rt.policy.contentHash,
      dataMapVersion: rt.map.contentHash,
      actor: byWorker ? WORKER : DPO.subject,
    });
    expect(content.role).toBe(byWorker ? undefined : DPO.role);
    expect(content.detail.request).toBe(request?.kind);
    expect(content.subjectKeys.length).toBeGreaterThan(0);
  }
}

test('an access request: created, completed by the worker, every download recorded', async () => {
  let id = '';
  const added = follow(() => id);
  const request = await requestAccess(rt, DPO, {
    subject: { kind: 'phone', value: '139 0013 9000' },
    identityVerification: VERIFIED,
  });
  id = request.id;
  expect(labels(await added())).toEqual(['request:created']);
  await drain();
  const completed = await added();
  expect(labels(completed)).toEqual(['request:completed']);
  const done = await getRequest(rt.store, id);
  expect(completed[0]?.content.detail).toMatchObject({
    rows: done?.result?.rows,
    systems: done?.result?.systems,
    contentHash: done?.packageHash,
  });
  await downloadPackage(rt, DPO, id);
  await downloadPackage(rt, DPO, id);
  const downloads = await added();
  expect(labels(downloads)).toEqual(['request:package_downloaded', 'request:package_downloaded']);
  expect(downloads[0]?.content.detail.contentHash).toBe(done?.packageHash);
  await expectRequestEvents(id, await eventsOfRequest(rt.store, id));
});

test('consent withdrawal and grant: created, the consents, completed', async () => {
  for (const [act, event] of [
    [withdrawConsent, 'request:consents_withdrawn'],
    [grantConsent, 'request:consents_granted'],
  ] as const) {
    const request = await act(rt, DPO, {
      subject: { kind: 'email', value: 'BOB@example.com' },
      purpose: 'marketing',
      identityVerification: VERIFIED,
    });
    const events = await eventsOfRequest(rt.store, request.id);
    expect(events.map(label)).toEqual(['request:created', event, 'request:completed']);
    expect(events[1]?.content.detail.purposes).toBe('marketing');
    await expectRequestEvents(request.id, events);
  }
});

test('a correction: planned, one write per source with its row counts, completed', async () => {
  let id = '';
  const added = follow(() => id);
  const request = await requestCorrection(rt, DPO, {
    subject: { kind: 'user_id', value: '2' },
    identityVerification: VERIFIED,
    category: 'user.contact.email',
    value: 'bob.li@example.org',
  });
  id = request.id;
  expect((await added()).map(label)).toEqual(['request:created', 'request:planned']);
  await drain();
  const worked = await added();
  expect(labels(worked)).toEqual(['request:completed', 'write:crm', 'write:shop']);
  expect(worked.map(label).pop()).toBe('request:completed');
  const tasks = await listTasks(rt.store, id);
  for (const write of worked.filter((e) => e.content.kind === 'write')) {
    const task = tasks.find(
      (t) => t.kind === 'correct' && t.system === write.content.detail.system,
    );
    expect(write.content.detail).toEqual({
      request: 'correction',
      task: 'correct',
      system: task?.system,
      collections: write.content.detail.system === 'shop' ? 'shop.users' : 'crm.contacts',
      deleted: 0,
      rewritten: task?.result?.rewritten,
      steps: task?.result?.steps,
    });
    expect(write.content.detail.rewritten).toBe(1);
  }
  await expectRequestEvents(id, await eventsOfRequest(rt.store, id));
});

test('a rejected erasure: created, planned, rejected', async () => {
  const request = await requestErasure(rt, DPO, {
    subject: { kind: 'email', value: 'carol@example.com' },
    identityVerification: VERIFIED,
  });
  await rejectRequest(rt, DPO, request.id, 'the requester could not be verified');
  const events = await eventsOfRequest(rt.store, request.id);
  expect(events.map(label)).toEqual(['request:created', 'request:planned', 'request:rejected']);
  // the reason goes to the person, not into the trail: it is free text
  expect(events[2]?.text).not.toContain('could not be verified');
  await expectRequestEvents(request.id, events);
});

test('an erasure through a source outage: plan refused, retried, partial, resumed, completed', async () => {
  let id = '';
  const added = follow(() => id);
  await world.crm.down();
  try {
    const request = await requestErasure(rt, DPO, {
      subject: { kind: 'phone', value: '13700137000' },
      identityVerification: VERIFIED,
    });
    id = request.id;
    const opened = await added();
    expect(opened.map(label)).toEqual(['request:created', 'request:plan_refused']);
    expect(opened[0]?.content.detail.unavailable).toBe('crm');
  } finally {
    await world.crm.up();
  }
  await retryRequest(rt, DPO, id);
  expect((await added()).map(label)).toEqual(['request:retried', 'request:planned']);
  await approveRequest(rt, DPO, id);
  expect((await added()).map(label)).toEqual(['request:approved']);
  await world.crm.down();
  try {
    await drain();
  } finally {
    await world.crm.up();
  }
  const stopped = await added();
  expect(labels(stopped)).toEqual(['request:partial', 'write:shop']);
  expect(stopped.find((e) => e.content.detail.event === 'partial')?.content.detail).toMatchObject({
    unavailable: 'crm',
  });
  await retryRequest(rt, DPO, id);
  expect((await added()).map(label)).toEqual(['request:retried']);
  await drain();
  expect((await added()).map(label)).toEqual(['write:crm', 'request:resumed', 'request:completed']);
  expect(await getRequest(rt.store, id)).toMatchObject({ status: 'completed' });
  await expectRequestEvents(id, await eventsOfRequest(rt.store, id));
});

test('an account closure: consents withdrawn, planned, approved; each write recorded before its task is done', async () => {
  let id = '';
  const added = follow(() => id);
  const request = await closeAccount(rt, DPO, {
    subject: { kind: 'email', value: 'alice@example.com' },
    identityVerification: VERIFIED,
  });
  id = request.id;
  const opened = await added();
  expect(opened.map(label)).toEqual([
    'request:created',
    'request:consents_withdrawn',
    'request:planned',
  ]);
  const planned = opened[2]?.content.detail ?? {};
  expect(planned).toMatchObject({ request: 'account_closure', sources: 'crm,shop' });
  expect(Number(planned.delete)).toBeGreaterThan(0);
  await approveRequest(rt, DPO, id);
  expect((await added()).map(label)).toEqual(['request:approved']);

  const writtenBeforeDone: string[] = [];
  pauses.push(async (point, task) => {
    if (point !== 'after-effects' || task.requestId !== id || task.kind !== 'erase') return;
    // the task's effects are committed and it is not yet marked done: its event is there
    const events = await eventsOfRequest(rt.store, id);
    const writes = events.filter(
      (e) => e.content.kind === 'write' && e.content.detail.system === task.system,
    );
    expect(writes).toHaveLength(1);
    writtenBeforeDone.push(task.system);
  });
  try {
    await drain();
  } finally {
    pauses.pop();
  }
  expect(writtenBeforeDone.sort()).toEqual(['crm', 'shop']);
  const worked = await added();
  expect(labels(worked)).toEqual(['request:completed', 'write:crm', 'write:shop']);
  const tasks = await listTasks(rt.store, id);
  for (const write of worked.filter((e) => e.content.kind === 'write')) {
    const task = tasks.find((t) => t.kind === 'erase' && t.system === write.content.detail.system);
    expect(task?.status).toBe('done');
    expect(write.content.detail).toMatchObject({
      task: 'erase',
      deleted: task?.result?.deleted,
      rewritten: task?.result?.rewritten,
    });
  }
  const completed = worked.find((e) => e.content.detail.event === 'completed');
  const result = (await getRequest(rt.store, id))?.result as { counts: Record<string, number> };
  expect(completed?.content.detail).toMatchObject(result.counts);
  await expectRequestEvents(id, await eventsOfRequest(rt.store, id));
});

test('no request or write event holds a personal value of the world', async () => {
  const found: { text: string }[] = await rt.store.query(
    `SELECT content AS text FROM privgraph.audit_events WHERE actor = ANY($1::text[])`,
    [[DPO.subject, WORKER]],
  );
  expect(found.length).toBeGreaterThan(20);
  const personal = [
    'Alice@Example.com',
    'alice@example.com',
    'bob@example.com',
    'bob.li@example.org',
    'carol@example.com',
    '138 0013 8000',
    '13800138000',
    '+8613800138000',
    '13900139000',
    '13700137000',
    '张丽',
    'Bob Li',
    'Carol Wu',
    'dev-shared',
    'dev-alice',
    'dev-bob',
    'call back about tea',
    'prefers e-mail',
    'carol in crm',
    VERIFIED,
  ];
  for (const { text } of found) {
    for (const value of personal) expect(text.toLowerCase()).not.toContain(value.toLowerCase());
    const content = JSON.parse(text) as AuditEventContent;
    for (const key of content.subjectKeys) expect(key).toMatch(/^[a-z_]+:[0-9a-f]{64}$/);
  }
});

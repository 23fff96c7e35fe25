/**
 * Listing rights requests (SPEC §6 "overdue requests are listed first"): open requests past
 * their due date come first, the most overdue first, then every other request by due date
 * (equal due dates by receipt).
 * A completed or rejected request is answered: it is never overdue, however old its due date.
 *
 * The store is shared with every other graph test: the requests here name a subject key of
 * their own, the list is filtered to it, and the rows are removed afterwards.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RequestStatus } from '../../../src/core/requests/model';
import { insertRequest, listRequests, openStore } from '../../../src/store';
import { requireTestDatabaseUrl } from '../../support/test-database';

let ds: DataSource;
const subject = `test-only-${randomUUID()}`;
const inserted: string[] = [];
const TODAY = '2026-03-02';

beforeAll(async () => {
  ds = await openStore(requireTestDatabaseUrl(), { poolSize: 2 });
  await request('future, received', 'received', '2026-03-20');
  await request('completed long ago', 'completed', '2026-01-15');
  await request('overdue, in progress', 'in_progress', '2026-02-20');
  await request('due today, awaiting approval', 'awaiting_approval', TODAY);
  await request('rejected, past', 'rejected', '2026-02-01');
  await request('most overdue, received', 'received', '2026-02-10');
  await request('as overdue, received later', 'received', '2026-02-10', '2026-01-06T09:00:00Z');
  await request('overdue, partial', 'partial', '2026-02-25');
  await request('overdue, failed', 'failed', '2026-02-26');
  await request('future, approved', 'approved', '2026-03-10');
});
afterAll(async () => {
  if (inserted.length > 0)
    await ds.query('DELETE FROM privgraph.rights_requests WHERE id = ANY($1::uuid[])', [inserted]);
  await ds.destroy();
});

/** A request due on `dueDate` in `status`; `name` says which it is in failures. */
async function request(name: string, status: RequestStatus, dueDate: string, receivedAt?: string) {
  const id = randomUUID();
  inserted.push(id);
  await insertRequest(ds, {
    id,
    kind: 'access',
    status,
    subjectKeys: [subject],
    payloadEnc: Buffer.from('sealed'),
    details: { name },
    identityVerification: 'test',
    requestedBy: 'test:listing',
    requestedRole: 'dpo',
    receivedAt: new Date(receivedAt ?? '2026-01-05T02:00:00Z'),
    dueDate,
  });
  return id;
}

const names = async (today = TODAY, statuses?: RequestStatus[]) =>
  (
    await listRequests(ds, {
      subjectKeys: [subject],
      today,
      limit: 100,
      offset: 0,
      ...(statuses ? { statuses } : {}),
    })
  ).map((r) => r.details.name);

test('open overdue requests first, most overdue first; then all others by due date', async () => {
  expect(await names()).toEqual([
    'most overdue, received',
    'as overdue, received later',
    'overdue, in progress',
    'overdue, partial',
    'overdue, failed',
    // not overdue: answered, due today, or due later — by due date
    'completed long ago',
    'rejected, past',
    'due today, awaiting approval',
    'future, approved',
    'future, received',
  ]);
});

test('overdue is measured by the day given: tomorrow, today’s request is overdue too', async () => {
  const listed = await names('2026-03-03');
  expect(listed.slice(0, 6)).toEqual([
    'most overdue, received',
    'as overdue, received later',
    'overdue, in progress',
    'overdue, partial',
    'overdue, failed',
    'due today, awaiting approval',
  ]);
});

test('the same order within a status filter', async () => {
  expect(await names(TODAY, ['received'])).toEqual([
    'most overdue, received',
    'as overdue, received later',
    'future, received',
  ]);
});

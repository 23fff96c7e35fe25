/**
 * An erasure whose verification still finds rows after every task ran (found by QA on a
 * clinic world: a source that answered a delete without deleting) stays PARTIAL, naming
 * where rows are left, and is not "resumed" to IN_PROGRESS by the worker; a retry, which
 * would run the same plan again, is refused with what to do instead. Here the row left is
 * one written after the plan was made, on a requests world of its own.
 */
import {
  approveRequest,
  createRequestWorker,
  REQUEST_TASK_HANDLERS,
  requestErasure,
  retryRequest,
} from '../../../src/requests';
import { getRequest } from '../../../src/store';
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

test('rows left after every task ran keep the request PARTIAL, named; a retry says to plan anew', async () => {
  const planned = await requestErasure(world.runtime, DPO, {
    subject: { kind: 'email', value: 'carol@example.com' },
    identityVerification: 'SMS code sent to the account phone',
  });
  await approveRequest(world.runtime, DPO, planned.id);
  // a contact written after the plan was made, in the CRM: the plan does not know it
  await world.sql(`INSERT INTO $schema.contacts VALUES (43, 'Carol@Example.com', 'late')`);
  const worker = createRequestWorker(world.runtime, REQUEST_TASK_HANDLERS, { workerId: 'w-left' });
  await worker.drain();

  const left = await getRequest(world.runtime.store, planned.id);
  expect(left).toMatchObject({
    status: 'partial',
    result: { remaining: [expect.objectContaining({ collection: 'crm.contacts' })] },
  });
  // the worker has nothing left to run: the request stays as verification left it
  expect(await worker.drain()).toBe(0);
  expect(await getRequest(world.runtime.store, planned.id)).toMatchObject({ status: 'partial' });

  await expect(retryRequest(world.runtime, DPO, planned.id)).rejects.toThrow(
    /verification still found rows in crm\.contacts: .*make a new erasure request/,
  );
  expect(await getRequest(world.runtime.store, planned.id)).toMatchObject({ status: 'partial' });
  expect(await world.sql(`SELECT id FROM $schema.contacts WHERE id >= 42`)).toEqual([{ id: 43 }]);
});

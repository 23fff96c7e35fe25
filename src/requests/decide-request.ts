/**
 * The DPO's decisions on a request (SPEC §6): approve an erasure or closure (its source tasks
 * are queued from the persisted plan), reject it (the person gets a reply citing why), or
 * retry one that stopped — failed sources run again, a plan that could not be made is made
 * again.
 */
import { unsealJson } from '../core/crypto/seal';
import type { RequestRecord } from '../store';
import {
  appendRequestEvent,
  enqueueTasks,
  getRequest,
  retryFailedTasks,
  transitionRequest,
} from '../store';
import { advanceRequest } from './advance-request';
import { auditRequest, listed } from './audit-request';
import { collectPeople } from './collect-person';
import { planCorrectionRequest } from './correction-request';
import { planRequest } from './erasure-request';
import { unsealPlan } from './erasure-plan-store';
import type { SealedPayload } from './open-request';
import type { Actor, RequestsRuntime } from './requests-runtime';
import { RequestError } from './requests-runtime';

const NEEDS_APPROVAL = new Set(['erasure', 'account_closure']);

async function mustGet(rt: RequestsRuntime, id: string): Promise<RequestRecord> {
  const request = await getRequest(rt.store, id).catch(() => null);
  if (!request) throw new RequestError('NOT_FOUND', `no request ${id}`);
  return request;
}

export async function approveRequest(
  rt: RequestsRuntime,
  actor: Actor,
  id: string,
  note?: string,
): Promise<RequestRecord> {
  const request = await mustGet(rt, id);
  if (!NEEDS_APPROVAL.has(request.kind))
    throw new RequestError('CONFLICT', `a ${request.kind} request needs no approval`);
  if (request.status !== 'awaiting_approval')
    throw new RequestError(
      'CONFLICT',
      `request ${id} is ${request.status}; only a planned request awaiting approval can be approved`,
    );
  const { erasure } = unsealPlan(rt, request);
  const approved = await transitionRequest(
    rt.store,
    id,
    {
      status: 'in_progress',
      decidedBy: actor.subject,
      decidedAt: rt.now(),
      decisionNote: note ?? null,
    },
    ['awaiting_approval'],
  );
  if (!approved) throw new RequestError('CONFLICT', `request ${id} was decided by someone else`);
  await appendRequestEvent(rt.store, {
    requestId: id,
    event: 'approved',
    actor: actor.subject,
    detail: { role: actor.role },
  });
  const systems = (erasure?.sources ?? []).map((source) => source.system);
  await auditRequest(rt, approved, actor, {
    kind: 'request',
    event: 'approved',
    detail: { sources: listed(systems) },
  });
  await enqueueTasks(
    rt.store,
    id,
    systems.length > 0
      ? systems.map((system) => ({ kind: 'erase', system }))
      : [{ kind: 'verify' }],
    rt.map.contentHash,
  );
  return approved;
}

export async function rejectRequest(
  rt: RequestsRuntime,
  actor: Actor,
  id: string,
  reason: string,
): Promise<RequestRecord> {
  const request = await mustGet(rt, id);
  if (reason.trim().length === 0)
    throw new RequestError(
      'BAD_USER_INPUT',
      'a rejection states its reason; the person is told it',
    );
  if (!['received', 'awaiting_approval'].includes(request.status))
    throw new RequestError(
      'CONFLICT',
      `request ${id} is ${request.status}; it can no longer be rejected`,
    );
  const rejected = await transitionRequest(
    rt.store,
    id,
    {
      status: 'rejected',
      decidedBy: actor.subject,
      decidedAt: rt.now(),
      decisionNote: reason,
      completedAt: rt.now(),
      reply: `We cannot act on your ${request.kind.replace('_', ' ')} request: ${reason}`,
    },
    ['received', 'awaiting_approval'],
  );
  if (!rejected) throw new RequestError('CONFLICT', `request ${id} was decided by someone else`);
  await appendRequestEvent(rt.store, {
    requestId: id,
    event: 'rejected',
    actor: actor.subject,
    detail: { role: actor.role },
  });
  await auditRequest(rt, rejected, actor, { kind: 'request', event: 'rejected' });
  return rejected;
}

export async function retryRequest(
  rt: RequestsRuntime,
  actor: Actor,
  id: string,
): Promise<RequestRecord> {
  const request = await mustGet(rt, id);
  const replan =
    (request.status === 'received' && NEEDS_APPROVAL.has(request.kind)) ||
    (request.kind === 'correction' && request.status === 'partial' && !request.planEnc);
  if (!replan && request.status !== 'partial' && request.status !== 'in_progress')
    throw new RequestError(
      'CONFLICT',
      `request ${id} is ${request.status}; there is nothing to retry`,
    );
  const left = (request.result as { remaining?: { collection: string }[] } | null)?.remaining;
  if (!replan && request.status === 'partial' && left && left.length > 0)
    throw new RequestError(
      'CONFLICT',
      `request ${id} ran every task, and its verification still found rows in ${[...new Set(left.map((r) => r.collection))].join(', ')}: ` +
        'retrying would run the same plan again. Fix what kept them (a source that did not delete them, rows written since), ' +
        'then make a new erasure request for the person: it plans what is left.',
    );
  if (replan) {
    // The plan could not be made (a source was down): find the person again and plan anew.
    const payload = unsealJson<SealedPayload & { value?: string }>(
      rt.keys.sealKey,
      request.payloadEnc,
      `request:${id}`,
    );
    const [person] = await collectPeople(rt.traversal, rt.sources, [payload.seed], rt.maxRounds);
    if (!person) throw new Error('the traversal returned no result for one seed');
    await appendRequestEvent(rt.store, {
      requestId: id,
      event: 'retried',
      actor: actor.subject,
      detail: {},
    });
    await auditRequest(rt, request, actor, {
      kind: 'request',
      event: 'retried',
      detail: { replanned: true },
    });
    return request.kind === 'correction'
      ? planCorrectionRequest(
          rt,
          actor,
          request,
          person,
          String(request.details.category),
          String(payload.value),
        )
      : planRequest(rt, actor, request, person);
  }
  const again = await retryFailedTasks(rt.store, id);
  await appendRequestEvent(rt.store, {
    requestId: id,
    event: 'retried',
    actor: actor.subject,
    detail: { tasks: again },
  });
  await auditRequest(rt, request, actor, {
    kind: 'request',
    event: 'retried',
    detail: { replanned: false, tasks: again },
  });
  await advanceRequest(rt, id, actor);
  return mustGet(rt, id);
}

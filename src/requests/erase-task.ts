/**
 * One source's share of an approved erasure, or of a correction (SPEC §6): the steps of the
 * persisted plan for that system, in one transaction, never a new traversal — a parent row
 * deleted by an earlier attempt would hide its children from one. Its `write` audit event
 * (SPEC §7) is recorded before the worker marks the task done: a crash in between runs the
 * task again — its steps are idempotent — and records the event then.
 */
import { getRequest } from '../store';
import type { TaskRecord } from '../store';
import { applySourcePlan } from './apply-source-plan';
import { auditRequest, listed, workerOf } from './audit-request';
import { unsealPlan } from './erasure-plan-store';
import type { LeaseCheck } from './request-worker';
import type { RequestsRuntime } from './requests-runtime';

export async function runSourceTask(
  rt: RequestsRuntime,
  task: TaskRecord,
  leaseCheck: LeaseCheck,
): Promise<Record<string, unknown>> {
  const request = await getRequest(rt.store, task.requestId);
  if (!request) throw new Error(`request ${task.requestId} is gone`);
  const sealed = unsealPlan(rt, request);
  const sources = task.kind === 'correct' ? sealed.correction : sealed.erasure?.sources;
  const plan = sources?.find((source) => source.system === task.system);
  if (!plan) return { deleted: 0, rewritten: 0, steps: 0 };
  const counts = await applySourcePlan(rt.traversal, rt.sources, plan, leaseCheck);
  await auditRequest(rt, request, workerOf(task), {
    kind: 'write',
    detail: {
      task: task.kind,
      system: plan.system,
      collections: listed([...new Set(plan.steps.map((step) => step.collection))]),
      deleted: counts.deleted,
      rewritten: counts.rewritten,
      steps: counts.steps,
    },
  });
  return { ...counts };
}

/**
 * Erasure and account closure (SPEC §6; seed policy §VIII.2, §VIII.4; PIPL art. 47): the
 * request is planned at once — the DPO sees what will be deleted, rewritten, kept and why —
 * and waits for an approval by a role that `may: request.approve`. Account closure also
 * withdraws every consent at once: withdrawal needs nobody's approval (PIPL art. 15).
 */
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { RequestRecord } from '../store';
import { appendRequestEvent, transitionRequest } from '../store';
import { auditRequest, listed } from './audit-request';
import { consentPurposes, recordConsentForKeys } from './consent-requests';
import { makeErasurePlan, sealPlan, summarisePlan } from './erasure-plan-store';
import { openRequest } from './open-request';
import type { Actor, RequestsRuntime } from './requests-runtime';
import type { SubjectRequestInput } from './subject-request-input';

export async function requestErasure(
  rt: RequestsRuntime,
  actor: Actor,
  input: SubjectRequestInput,
): Promise<RequestRecord> {
  const { request, person } = await openRequest(rt, actor, {
    ...input,
    kind: 'erasure',
    status: 'received',
  });
  return planRequest(rt, actor, request, person);
}

export async function closeAccount(
  rt: RequestsRuntime,
  actor: Actor,
  input: SubjectRequestInput,
): Promise<RequestRecord> {
  const { request, person } = await openRequest(rt, actor, {
    ...input,
    kind: 'account_closure',
    status: 'received',
  });
  const purposes = consentPurposes(rt);
  await recordConsentForKeys(
    rt,
    request.subjectKeys,
    purposes,
    'withdraw',
    actor.subject,
    request.id,
  );
  await appendRequestEvent(rt.store, {
    requestId: request.id,
    event: 'consents_withdrawn',
    actor: actor.subject,
    detail: { purposes },
  });
  await auditRequest(rt, request, actor, {
    kind: 'request',
    event: 'consents_withdrawn',
    detail: { purposes: listed(purposes) },
  });
  return planRequest(rt, actor, request, person);
}

/**
 * Plans the erasure and records it: `awaiting_approval` with the sealed plan and its summary,
 * or — when a source did not answer or a field cannot be erased as the map says — still
 * `received`, with the problems in the summary; `retryRequest` plans again.
 */
export async function planRequest(
  rt: RequestsRuntime,
  actor: Actor,
  request: RequestRecord,
  person: SubjectGraph,
): Promise<RequestRecord> {
  const plan = await makeErasurePlan(rt, request.subjectKeys, person);
  const summary = summarisePlan(plan);
  const refused = plan.problems.length > 0;
  const updated = await transitionRequest(
    rt.store,
    request.id,
    refused
      ? { planSummary: summary, planEnc: null }
      : {
          status: 'awaiting_approval',
          planSummary: summary,
          planEnc: sealPlan(rt, request.id, { erasure: plan, identities: person.identities }),
        },
    ['received'],
  );
  await appendRequestEvent(rt.store, {
    requestId: request.id,
    event: refused ? 'plan_refused' : 'planned',
    actor: actor.subject,
    detail: refused ? { problems: summary.problems } : { sources: summary.sources },
  });
  if (updated)
    await auditRequest(rt, updated, actor, {
      kind: 'request',
      event: refused ? 'plan_refused' : 'planned',
      detail: refused
        ? { problems: plan.problems.length }
        : { sources: listed(plan.sources.map((s) => s.system)), ...planCounts(summary) },
    });
  return updated ?? request;
}

/** Rows per fate (delete, rewrite, exempt, shared, unchanged) over the plan's collections. */
function planCounts(summary: Record<string, unknown>): Record<string, number> {
  const totals: Record<string, number> = {};
  const collections = (summary.collections ?? {}) as Record<string, Record<string, number>>;
  for (const counts of Object.values(collections))
    for (const [fate, n] of Object.entries(counts)) totals[fate] = (totals[fate] ?? 0) + n;
  return totals;
}

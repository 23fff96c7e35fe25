/**
 * Erasure and account closure (SPEC §6; seed policy §VIII.2, §VIII.4; PIPL art. 47): the
 * request is planned at once — the DPO sees what will be deleted, rewritten, kept and why —
 * and waits for an approval by a role that `may: request.approve`, unless no system holds
 * anything about the person: then it completes at once, saying so. Account closure also
 * withdraws every consent at once: withdrawal needs nobody's approval (PIPL art. 15).
 */
import type { ErasurePlan } from '../core/requests/model';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { RequestRecord } from '../store';
import { appendRequestEvent, transitionRequest } from '../store';
import { auditRequest, listed } from './audit-request';
import { consentPurposes, recordConsentForKeys } from './consent-requests';
import { makeErasurePlan, sealPlan, summarisePlan } from './erasure-plan-store';
import { openRequest } from './open-request';
import { nothingHeldReply } from './request-replies';
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
 * `received`, with the problems in the summary; `retryRequest` plans again. A plan that found
 * nothing at all in any system completes at once (`completeNothingHeld`).
 */
export async function planRequest(
  rt: RequestsRuntime,
  actor: Actor,
  request: RequestRecord,
  person: SubjectGraph,
): Promise<RequestRecord> {
  const plan = await makeErasurePlan(rt, request.subjectKeys, person);
  const summary = summarisePlan(plan);
  if (holdsNothing(plan)) return completeNothingHeld(rt, actor, request, summary);
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

/** Every source answered and none holds a row about the person: no row to delete, rewrite,
 * keep or explain. (A plan with only exempt or shared rows is not this: its reply cites an
 * exemption, which a person with `request.approve` confirms.) */
function holdsNothing(plan: ErasurePlan): boolean {
  return (
    plan.problems.length === 0 &&
    plan.sources.length === 0 &&
    plan.exempt.length === 0 &&
    plan.shared.length === 0 &&
    plan.unchanged.length === 0 &&
    (plan.referenced?.length ?? 0) === 0
  );
}

/**
 * Nothing to erase: the request completes at once with a reply saying so (docs/decisions.md,
 * "Erasure: shared parents, referencing rows, constraint errors"). An approval guards a
 * destructive step, and there is none; making the person wait up to 15 working days for a
 * signature on nothing helps nobody. The search itself is the verification: the traversal that
 * found nothing ran moments ago, from the identity given, in every system. Still recorded and
 * audited like any completion (`planned`, then `completed`).
 */
async function completeNothingHeld(
  rt: RequestsRuntime,
  actor: Actor,
  request: RequestRecord,
  summary: Record<string, unknown>,
): Promise<RequestRecord> {
  const counts = { deleted: 0, rewritten: 0, unchanged: 0, exempt: 0, shared: 0, remaining: 0 };
  const searched = rt.map.systems.filter((system) => system.source !== undefined).length;
  const completed = await transitionRequest(
    rt.store,
    request.id,
    {
      status: 'completed',
      completedAt: rt.now(),
      planSummary: summary,
      planEnc: null,
      result: { counts, nothingHeld: true, systemsSearched: searched },
      reply: nothingHeldReply(
        request.kind === 'account_closure' ? 'account_closure' : 'erasure',
        searched,
      ),
    },
    ['received'],
  );
  await appendRequestEvent(rt.store, {
    requestId: request.id,
    event: 'planned',
    actor: actor.subject,
    detail: { sources: [], nothingHeld: true },
  });
  if (completed) {
    await auditRequest(rt, completed, actor, {
      kind: 'request',
      event: 'planned',
      detail: { sources: listed([]), nothingHeld: true },
    });
    await auditRequest(rt, completed, actor, {
      kind: 'request',
      event: 'completed',
      detail: { ...counts, nothingHeld: true },
    });
  }
  return completed ?? request;
}

/**
 * Correction (SPEC §6 "updates one category's value in every place that holds it"; seed
 * policy §VIII.1; PIPL art. 46): planned at once from a full traversal — the person's own,
 * unshared rows holding that category — sealed with the new value, and executed by one
 * `correct` task per source; verification re-reads every corrected row.
 */
import { findOtherOwners } from '../core/requests/find-other-owners';
import { planCorrection } from '../core/requests/plan-correction';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { RequestRecord } from '../store';
import { appendRequestEvent, enqueueTasks, transitionRequest } from '../store';
import { auditRequest, listed } from './audit-request';
import { connectorLookup, fullTraversalPlan } from './collect-person';
import { sealPlan } from './erasure-plan-store';
import { openRequest } from './open-request';
import type { Actor, RequestsRuntime } from './requests-runtime';
import { RequestError } from './requests-runtime';
import type { SubjectRequestInput } from './subject-request-input';

export interface CorrectionInput extends SubjectRequestInput {
  /** The data category whose value is corrected everywhere it is held. */
  readonly category: string;
  readonly value: string;
}

const MAX_VALUE_LENGTH = 10_000;

export async function requestCorrection(
  rt: RequestsRuntime,
  actor: Actor,
  input: CorrectionInput,
): Promise<RequestRecord> {
  if (input.value.length > MAX_VALUE_LENGTH)
    throw new RequestError(
      'BAD_USER_INPUT',
      `the corrected value is longer than ${MAX_VALUE_LENGTH} characters`,
    );
  const held = heldCategories(rt);
  if (!held.includes(input.category))
    throw new RequestError(
      'BAD_USER_INPUT',
      `no field of the data map holds category "${input.category}"; categories held: ${held.join(', ')}`,
    );
  const { request, person } = await openRequest(rt, actor, {
    kind: 'correction',
    subject: input.subject,
    identityVerification: input.identityVerification,
    status: 'in_progress',
    details: { category: input.category },
    sealed: { value: input.value },
  });
  return planCorrectionRequest(rt, actor, request, person, input.category, input.value);
}

/**
 * Plans and queues the correction; when a source did not answer, nothing is queued — rows
 * there would stay uncorrected — and the request is PARTIAL naming it until `retryRequest`.
 */
export async function planCorrectionRequest(
  rt: RequestsRuntime,
  actor: Actor,
  request: RequestRecord,
  person: SubjectGraph,
  category: string,
  value: string,
): Promise<RequestRecord> {
  const unavailable = person.failures.map((f) => f.system);
  if (unavailable.length > 0) {
    await appendRequestEvent(rt.store, {
      requestId: request.id,
      event: 'plan_refused',
      actor: actor.subject,
      detail: { unavailable },
    });
    const refused = await transitionRequest(rt.store, request.id, {
      status: 'partial',
      result: { unavailable },
    });
    if (refused)
      await auditRequest(rt, refused, actor, {
        kind: 'request',
        event: 'plan_refused',
        detail: { unavailable: listed(unavailable) },
      });
    return refused ?? request;
  }
  const traversal = fullTraversalPlan(rt.traversal);
  const shared = await findOtherOwners(
    rt.traversal,
    person,
    connectorLookup(rt.traversal, traversal, rt.sources),
  );
  const plan = planCorrection({ map: rt.map, rows: person, shared, category, value });
  if (!plan.ok) throw new RequestError('BAD_USER_INPUT', plan.error);
  const collections: Record<string, number> = {};
  for (const source of plan.sources)
    for (const step of source.steps)
      collections[step.collection] = (collections[step.collection] ?? 0) + 1;
  const systems = plan.sources.map((source) => source.system);
  const updated = await transitionRequest(rt.store, request.id, {
    status: 'in_progress',
    result: null,
    planEnc: sealPlan(rt, request.id, { correction: plan.sources, identities: person.identities }),
    planSummary: { sources: systems, collections, notes: [...plan.notes] },
  });
  await appendRequestEvent(rt.store, {
    requestId: request.id,
    event: 'planned',
    actor: actor.subject,
    detail: { sources: systems },
  });
  await auditRequest(rt, updated ?? request, actor, {
    kind: 'request',
    event: 'planned',
    detail: {
      category,
      sources: listed(systems),
      rewrite: plan.sources.reduce((n, source) => n + source.steps.length, 0),
    },
  });
  await enqueueTasks(
    rt.store,
    request.id,
    systems.length > 0
      ? systems.map((system) => ({ kind: 'correct', system }))
      : [{ kind: 'verify' }],
    rt.map.contentHash,
  );
  return updated ?? request;
}

function heldCategories(rt: RequestsRuntime): string[] {
  const categories = new Set<string>();
  for (const node of rt.traversal.nodes.values())
    for (const field of node.def.fields) if (field.category) categories.add(field.category);
  return [...categories].sort();
}

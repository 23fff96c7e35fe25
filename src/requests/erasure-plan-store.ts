/**
 * Making an erasure plan for a person and keeping it (SPEC §6: "the plan, with the concrete
 * row keys of every step, is persisted before the first write; execution and resumption
 * work from the persisted plan, never by traversing again"). The plan and the identities it
 * was made from are sealed in the request; a summary without personal values is readable.
 */
import { sealJson, unsealJson } from '../core/crypto/seal';
import type { ErasurePlan, SourcePlan } from '../core/requests/model';
import { findOtherOwners } from '../core/requests/find-other-owners';
import { findReferencingRows } from '../core/requests/find-referencing-rows';
import { planErasure } from '../core/requests/plan-erasure';
import { cryptoRandomToken } from '../core/requests/random-text';
import type { FoundIdentity, SubjectGraph } from '../core/traversal/subject-graph';
import type { RequestRecord } from '../store';
import { activeLegalHolds } from '../store';
import { connectorLookup, fullTraversalPlan } from './collect-person';
import { columnFactsOf } from './column-facts';
import type { RequestsRuntime } from './requests-runtime';
import { RequestError } from './requests-runtime';

/** What is sealed in `plan_enc`: an erasure plan, or a correction's source plans. */
export interface SealedPlan {
  readonly erasure?: ErasurePlan;
  readonly correction?: readonly SourcePlan[];
  /** The person's identities when the plan was made: verification traverses from them. */
  readonly identities: readonly FoundIdentity[];
}

export async function makeErasurePlan(
  rt: RequestsRuntime,
  subjectKeys: readonly string[],
  person: SubjectGraph,
): Promise<ErasurePlan> {
  const now = rt.now();
  const plan = fullTraversalPlan(rt.traversal);
  const lookup = connectorLookup(rt.traversal, plan, rt.sources);
  const [shared, referenced] = await Promise.all([
    findOtherOwners(rt.traversal, person, lookup),
    findReferencingRows(rt.traversal, person, lookup),
  ]);
  return planErasure({
    graph: rt.traversal,
    person,
    shared,
    referenced,
    holds: await activeLegalHolds(rt.store, subjectKeys, now),
    subjectKeys,
    now,
    columns: columnFactsOf(rt.map, rt.descriptions),
    keys: rt.keys.deidentify,
    random: cryptoRandomToken,
  });
}

export const sealPlan = (rt: RequestsRuntime, requestId: string, plan: SealedPlan): Buffer =>
  sealJson(rt.keys.sealKey, plan, `plan:${requestId}`);

export function unsealPlan(rt: RequestsRuntime, request: RequestRecord): SealedPlan {
  if (!request.planEnc) throw new RequestError('CONFLICT', `request ${request.id} has no plan yet`);
  return unsealJson<SealedPlan>(rt.keys.sealKey, request.planEnc, `plan:${request.id}`);
}

/** Counts per collection and the reasons rows are kept — no row keys, no values. */
export function summarisePlan(plan: ErasurePlan): Record<string, unknown> {
  const collections: Record<string, Record<string, number>> = {};
  const bump = (collection: string, what: string, by = 1) => {
    const counts = (collections[collection] ??= {});
    counts[what] = (counts[what] ?? 0) + by;
  };
  for (const source of plan.sources)
    for (const step of source.steps)
      if (step.kind === 'delete') bump(step.collection, 'delete', step.keys.length);
      else bump(step.collection, 'rewrite');
  for (const row of plan.exempt) bump(row.collection, 'exempt');
  for (const row of plan.shared) bump(row.collection, row.related ? 'related' : 'shared');
  for (const row of plan.unchanged) bump(row.collection, 'unchanged');
  const exemptions = new Map<
    string,
    { collection: string; reason: string; until?: string; rows: number }
  >();
  for (const row of plan.exempt) {
    const key = `${row.collection}\u0000${row.reason}\u0000${row.until ?? ''}`;
    const entry = exemptions.get(key) ?? {
      collection: row.collection,
      reason: row.reason,
      ...(row.until === undefined ? {} : { until: row.until }),
      rows: 0,
    };
    entry.rows += 1;
    exemptions.set(key, entry);
  }
  const shared = new Map<
    string,
    { collection: string; via: string; rows: number; related?: true }
  >();
  for (const row of plan.shared) {
    const key = `${row.collection}\u0000${row.via}\u0000${row.related ?? ''}`;
    const entry = shared.get(key) ?? {
      collection: row.collection,
      via: row.via,
      rows: 0,
      ...(row.related ? { related: true as const } : {}),
    };
    entry.rows += 1;
    shared.set(key, entry);
  }
  const referenced = new Map<string, { collection: string; via: string; rows: number }>();
  for (const row of plan.referenced ?? []) {
    const key = `${row.collection}\u0000${row.via}`;
    const entry = referenced.get(key) ?? { collection: row.collection, via: row.via, rows: 0 };
    entry.rows += 1;
    referenced.set(key, entry);
  }
  return {
    sources: plan.sources.map((s) => s.system),
    collections,
    exemptions: [...exemptions.values()],
    shared: [...shared.values()],
    // rows their collection deletes, rewritten instead (key kept): rows outside the plan
    // reference them
    referenced: [...referenced.values()],
    problems: plan.problems.map(withoutRowKeys),
    // notes name rows by key (`workspace.tasks ["12"]`); a key can be an identifier (a cookie
    // id, a device id), and the summary is read by whoever may create requests: keys stay
    // in the sealed plan
    notes: plan.notes.map(withoutRowKeys),
  };
}

const ROW_KEY = /\[(?:"(?:[^"\\]|\\.)*"|[^\]"])*\]/g;

/** `a.b ["42"] is kept` → `a.b […] is kept`. */
export function withoutRowKeys(text: string): string {
  return text.replace(ROW_KEY, '[…]');
}

/**
 * Per-request loading of subjects (SPEC §5, STYLE: loaders are created per request).
 * `subject` fields of one request are batched into one traversal, and every source read of
 * that traversal goes through a DataLoader keyed by (source, collection, field, comparison),
 * so a request sends one statement per such key per round, whatever the number of subjects.
 */
import DataLoader from 'dataloader';
import type { LookupGroup, SeedIdentity } from '../core/traversal/resolve-subjects';
import { resolveSubjects } from '../core/traversal/resolve-subjects';
import type { SourceRow } from '../core/traversal/source-row';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { TraversalGraph } from '../core/traversal/traversal-graph';
import type { TraversalPlan } from '../core/traversal/plan-traversal';
import { planTraversal } from '../core/traversal/plan-traversal';
import { canonicalIdentity } from '../core/identity/canonical';
import type { Selection } from './collect-selection';
import { selectionKey } from './collect-selection';
import type { SourceRegistry } from './source-registry';
import type { SubjectFactsBase } from '../access/subject-facts';

export interface SubjectRequest {
  readonly seed: SeedIdentity;
  readonly selection: Selection;
  /** Whether the operation's purpose requires consent (known once the privacy plugin has
   * checked it); decides whether consent must be read (src/access/subject-facts.ts). */
  readonly purposeRequiresConsent?: boolean;
}

export interface TraversalRuntime {
  readonly traversal: TraversalGraph;
  readonly sources: SourceRegistry;
  readonly maxRounds: number;
  /** Plans by selection, shared by all requests of one data-map version. */
  readonly plans: Map<string, TraversalPlan>;
  /** Per-subject facts for access decisions (consent, age), loaded in one batch for all
   * subjects of a traversal; absent when the gateway runs without a policy. */
  readonly loadFacts?: (
    graphs: readonly SubjectGraph[],
    request: FactsRequest,
  ) => Promise<readonly SubjectFactsBase[]>;
  /** The date after which a date of birth makes a minor, for `born_after.*` fields. */
  readonly minorCutoff?: () => string;
}

/** What one request's facts depend on, known once its operation's purpose is checked. */
export interface FactsRequest {
  /** Whether the operation's purpose requires consent; undefined: not known (assume so). */
  readonly purposeRequiresConsent?: boolean;
}

export interface LoadedSubject {
  readonly graph: SubjectGraph;
  readonly facts?: SubjectFactsBase;
}

const MAX_CACHED_PLANS = 1000;

export function planFor(runtime: TraversalRuntime, selection: Selection): TraversalPlan {
  const key = selectionKey(selection);
  let plan = runtime.plans.get(key);
  if (!plan) {
    plan = planTraversal(runtime.traversal, selection);
    if (runtime.plans.size >= MAX_CACHED_PLANS) runtime.plans.clear();
    runtime.plans.set(key, plan);
  }
  return plan;
}

export function createSubjectLoader(
  runtime: TraversalRuntime,
): DataLoader<SubjectRequest, LoadedSubject, string> {
  const lookup = createBatchLookup(runtime);
  return new DataLoader<SubjectRequest, LoadedSubject, string>(
    async (requests) => {
      const merged: Selection = new Map();
      for (const { selection } of requests) {
        for (const [address, keys] of selection) {
          const into = merged.get(address) ?? new Set<string>();
          for (const key of keys) into.add(key);
          merged.set(address, into);
        }
      }
      const plan = planFor(runtime, merged);
      const graphs = await resolveSubjects(
        plan,
        requests.map((r) => r.seed),
        (group, values) => lookup(plan, group, values),
        runtime.maxRounds,
      );
      const facts = runtime.loadFacts
        ? await runtime.loadFacts(graphs, {
            // one operation, one purpose: its subjects agree; unknown counts as "requires"
            ...(requests.every((r) => r.purposeRequiresConsent === false)
              ? { purposeRequiresConsent: false }
              : {}),
          })
        : [];
      return graphs.map((graph, index) => {
        const known = facts[index];
        return known ? { graph, facts: known } : { graph };
      });
    },
    {
      cacheKeyFn: (request) =>
        `${request.seed.kind}\u0000${request.seed.value}\u0000${selectionKey(request.selection)}`,
    },
  );
}

function createBatchLookup(
  runtime: TraversalRuntime,
): (plan: TraversalPlan, group: LookupGroup, values: readonly string[]) => Promise<SourceRow[]> {
  const loaders = new Map<string, DataLoader<string, readonly SourceRow[]>>();
  return async (plan, group, values) => {
    const fields = plan.collections.get(group.collection)?.fields ?? [];
    const key = `${group.collection}\u0000${group.field}\u0000${group.match}\u0000${fields.join(',')}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((batch: readonly string[]) =>
        loadBatch(runtime, group, fields, batch),
      );
      loaders.set(key, loader);
    }
    const found = await loader.loadMany(values);
    const rows = new Set<SourceRow>();
    for (const result of found) {
      if (result instanceof Error) throw result;
      for (const row of result) rows.add(row);
    }
    return [...rows];
  };
}

async function loadBatch(
  runtime: TraversalRuntime,
  group: LookupGroup,
  fields: readonly string[],
  values: readonly string[],
): Promise<(readonly SourceRow[])[]> {
  const node = runtime.traversal.nodes.get(group.collection);
  const field = node?.def.fields.find((f) => f.key === group.field);
  const connector = node ? runtime.sources.get(node.system.key) : undefined;
  if (!node || !field || !connector) return values.map(() => []);
  const cutoff = runtime.minorCutoff?.();
  const rows = await connector.lookup({
    collection: node.def,
    field,
    match: group.match,
    values,
    fields,
    ...(cutoff ? { bornAfter: cutoff } : {}),
  });
  const byValue = new Map<string, SourceRow[]>();
  for (const row of rows) {
    const value = canonicalIdentity(group.match, row[group.field]);
    if (value === null) continue;
    const list = byValue.get(value);
    if (list) list.push(row);
    else byValue.set(value, [row]);
  }
  return values.map((value) => byValue.get(value) ?? []);
}

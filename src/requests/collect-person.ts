/**
 * Everything about one person, in every system (SPEC §6 Access: "all categories, regardless
 * of the caller's read rules"): the same traversal as the graph (src/core/traversal), with
 * every field of every collection selected. Rights requests run on this, never on a caller's
 * filtered view.
 */
import type { DataMap } from '../core/datamap/model';

import { canonicalIdentity } from '../core/identity/canonical';
import type { TraversalPlan } from '../core/traversal/plan-traversal';
import { planTraversal } from '../core/traversal/plan-traversal';
import type { BatchLookup, SeedIdentity } from '../core/traversal/resolve-subjects';
import { resolveSubjects } from '../core/traversal/resolve-subjects';
import type { SourceRow } from '../core/traversal/source-row';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { TraversalGraph } from '../core/traversal/traversal-graph';
import type { SourceRegistry } from '../graph/source-registry';
import { SourceUnavailableError } from '../sources/connector';

/** The plan that reads every field of every queryable collection. */
export function fullTraversalPlan(traversal: TraversalGraph): TraversalPlan {
  const selection = new Map<string, Set<string>>();
  for (const [address, node] of traversal.nodes)
    selection.set(address, new Set(node.def.fields.map((field) => field.key)));
  return planTraversal(traversal, selection);
}

/** Reads through the connectors, all fields the plan names; a failing source rejects with
 * its system name (the traversal reports it as that system's failure). */
export function connectorLookup(
  traversal: TraversalGraph,
  plan: TraversalPlan,
  sources: SourceRegistry,
): BatchLookup {
  return async (group, values) => {
    const node = traversal.nodes.get(group.collection);
    const field = node?.def.fields.find((f) => f.key === group.field);
    const connector = node ? sources.get(node.system.key) : undefined;
    if (!node || !field || !connector) return [];
    return connector.lookup({
      collection: node.def,
      field,
      match: group.match,
      values,
      fields: plan.collections.get(group.collection)?.fields ?? node.def.fields.map((f) => f.key),
    });
  };
}

export async function collectPeople(
  traversal: TraversalGraph,
  sources: SourceRegistry,
  seeds: readonly SeedIdentity[],
  maxRounds?: number,
): Promise<SubjectGraph[]> {
  const plan = fullTraversalPlan(traversal);
  return resolveSubjects(plan, seeds, connectorLookup(traversal, plan, sources), maxRounds);
}

/** A seed in the form the traversal compares (`+86…` for a CN phone), or an error naming
 * the kinds the map knows. */
export function canonicalSeed(map: DataMap, seed: SeedIdentity): SeedIdentity {
  const kind = map.identities.get(seed.kind);
  if (!kind)
    throw new RangeError(
      `unknown identity kind "${seed.kind}"; the data map declares: ${[...map.identities.keys()].join(', ')}`,
    );
  const value = canonicalIdentity(kind.format, seed.value);
  if (value === null)
    throw new RangeError(`"${seed.kind}" value is not a valid ${kind.format} identity`);
  return { kind: seed.kind, value };
}

/**
 * Re-reads rows by primary key (verification of rewritten rows): one lookup per collection
 * by the first key field, the other key fields compared here.
 */
export async function readRowsByKey(
  traversal: TraversalGraph,
  sources: SourceRegistry,
  collection: string,
  keys: readonly Readonly<Record<string, unknown>>[],
): Promise<SourceRow[]> {
  const node = traversal.nodes.get(collection);
  const connector = node ? sources.get(node.system.key) : undefined;
  const first = node?.def.primaryKey[0];
  const field = node?.def.fields.find((f) => f.key === first);
  if (!node || !connector || !field || keys.length === 0) return [];
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const rows = await connector
    .lookup({
      collection: node.def,
      field,
      match: 'exact',
      values: [...new Set(keys.map((key) => text(key[field.key])))],
      fields: node.def.fields.map((f) => f.key),
    })
    .catch((error: unknown) => {
      throw error instanceof SourceUnavailableError
        ? error
        : new SourceUnavailableError(node.system.key, error);
    });
  const wanted = new Set(
    keys.map((key) => JSON.stringify(node.def.primaryKey.map((k) => text(key[k])))),
  );
  return rows.filter((row) =>
    wanted.has(JSON.stringify(node.def.primaryKey.map((k) => text(row[k])))),
  );
}

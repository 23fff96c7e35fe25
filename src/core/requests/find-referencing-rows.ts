/**
 * Rows outside the person's graph that point at the person's rows (SPEC §6: "a row that also
 * belongs to another person is neither deleted nor rewritten"; "referencing rows before
 * referenced rows"). The traversal never sees them: it follows `up` references only from a
 * row to its target, and expands no `terminal` row, so another person's family card whose
 * `parent_code` names the person's card is not among the person's rows. Deleting the card
 * would break that other row — the source's foreign key refuses it, rolling back the whole
 * source, or, without one, the other row dangles.
 *
 * For every reference of the map into a collection holding rows of the person, this reads the
 * referencing rows (one batched lookup per (collection, field)), except where the traversal
 * already read them all: a `down`/`both` reference into the person's own (`subject`) rows.
 * Every reference counts, across sources too and whatever its `follow`: a foreign key does not
 * know how the map follows it, and a dangling reference across sources is still another
 * person's record losing what it refers to. Rows that are the person's are left out: the plan
 * decides their fate itself (`keep-referenced.ts`). Whether the referencing row belongs to
 * anyone does not matter: it is not the person's, so this plan must not break it.
 */
import type { FieldDef } from '../datamap/model';
import { formatCollectionAddress } from '../datamap/model';
import { valueText } from '../identity/canonical';
import type { BatchLookup } from '../traversal/resolve-subjects';
import { rowKey } from '../traversal/row-key';
import type { SubjectGraph } from '../traversal/subject-graph';
import type { TraversalGraph } from '../traversal/traversal-graph';
import { isOwnRow } from './person-rows';
import type { RowKeySets } from './person-rows';

export interface ReferencedBy {
  /** `collection.field` of the first (map order) reference from a row outside the person. */
  readonly via: string;
  /** Fields of the referenced row those references point at: a plan must not change them. */
  readonly fields: readonly string[];
}

/** Collection address → row key → the references from rows outside the person's graph. */
export type ReferencingRows = ReadonlyMap<string, ReadonlyMap<string, ReferencedBy>>;

interface Reference {
  readonly from: string;
  readonly field: FieldDef;
  readonly target: string;
  readonly targetField: string;
  /** The traversal read every referencing row of the person's own rows along it. */
  readonly followedDown: boolean;
}

export async function findReferencingRows(
  graph: TraversalGraph,
  person: SubjectGraph,
  lookup: BatchLookup,
): Promise<ReferencingRows> {
  const mine: RowKeySets = new Map(
    [...person.rows].map(([address, rows]) => [address, new Set(rows.map((row) => row.key))]),
  );
  // read in parallel, then record in map order: the first reference of the map names the link
  const answers = await Promise.all(
    referencesOf(graph).map(async (ref) => {
      const targets = targetValues(person, ref);
      if (targets.size === 0) return { ref, targets, rows: [] };
      const group = { collection: ref.from, field: ref.field.key, match: 'exact' as const };
      return { ref, targets, rows: await lookup(group, [...targets.keys()]) };
    }),
  );
  const result = new Map<string, Map<string, ReferencedBy>>();
  for (const { ref, targets, rows } of answers) {
    const fromDef = graph.nodes.get(ref.from)?.def;
    if (!fromDef) continue;
    for (const row of rows) {
      if (isOwnRow(mine, ref.from, rowKey(fromDef, row))) continue;
      const value = valueText(row[ref.field.key]);
      for (const key of (value === null ? undefined : targets.get(value)) ?? []) {
        const byKey = result.get(ref.target) ?? new Map<string, ReferencedBy>();
        const known = byKey.get(key);
        const fields = [...new Set([...(known?.fields ?? []), ref.targetField])].sort();
        byKey.set(key, { via: known?.via ?? `${ref.from}.${ref.field.key}`, fields });
        result.set(ref.target, byKey);
      }
    }
  }
  return result;
}

/** Value of the referenced field → keys of the person's rows holding it, leaving out the rows
 * whose referencing rows the traversal already read. */
function targetValues(person: SubjectGraph, ref: Reference): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const { key, row, role } of person.rows.get(ref.target) ?? []) {
    if (ref.followedDown && role === 'subject') continue;
    const value = valueText(row[ref.targetField]);
    if (value !== null) targets.set(value, [...(targets.get(value) ?? []), key]);
  }
  return targets;
}

const cache = new WeakMap<TraversalGraph, readonly Reference[]>();

/** Every reference between queryable collections, in map order. */
function referencesOf(graph: TraversalGraph): readonly Reference[] {
  const known = cache.get(graph);
  if (known) return known;
  const refs: Reference[] = [];
  for (const node of graph.nodes.values()) {
    for (const field of node.def.fields) {
      if (!field.references) continue;
      const target = formatCollectionAddress(field.references);
      if (!graph.nodes.has(target)) continue;
      refs.push({
        from: node.address,
        field,
        target,
        targetField: field.references.field,
        followedDown: field.follow === 'down' || field.follow === 'both',
      });
    }
  }
  cache.set(graph, refs);
  return refs;
}

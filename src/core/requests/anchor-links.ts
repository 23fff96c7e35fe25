/**
 * Who else is linked to a person's related (`terminal`) rows (SPEC §5–§6). A terminal row is
 * reached through a shared identity (a device id) or an `up` reference (an employee's
 * organisation); it is someone else's too when a row that is not the person's own links to
 * the same *anchor*:
 * - holds the same shared-identity value, in a field declaring that kind or in a reference
 *   to such a field (another user's `user_devices` row naming the same device);
 * - points at the same target through the same up-reference one of the person's rows used
 *   (another employee's `org_id`).
 * This module only finds the linking rows (one batched lookup per (collection, field));
 * whether they belong to someone is `row-ownership.ts`'s question.
 */
import { canonicalIdentity, valueText } from '../identity/canonical';
import type { BatchLookup, LookupGroup } from '../traversal/resolve-subjects';
import { rowKey } from '../traversal/row-key';
import type { SourceRow } from '../traversal/source-row';
import type { SubjectGraph } from '../traversal/subject-graph';
import type { IdentityFieldRef, TraversalGraph, UpEdge } from '../traversal/traversal-graph';
import type { RowKeySets } from './person-rows';
import { compareRowKeys, isOwnRow } from './person-rows';

export interface AnchorLink {
  readonly address: string;
  readonly key: string;
  readonly row: SourceRow;
  /** `collection.field` of the linking row's field holding the anchor. */
  readonly via: string;
}

interface Wanted {
  readonly group: LookupGroup;
  /** Canonical anchor value → the terminal rows (`address\0key`) anchored by it. */
  readonly values: Map<string, Set<string>>;
}

export const terminalId = (address: string, key: string): string => `${address}\u0000${key}`;

/** Terminal row id → the rows not the person's own that link to one of its anchors, ordered
 * by `via` and key. */
export async function findAnchorLinks(
  graph: TraversalGraph,
  person: SubjectGraph,
  own: RowKeySets,
  lookup: BatchLookup,
): Promise<Map<string, AnchorLink[]>> {
  const links = new Map<string, AnchorLink[]>();
  await Promise.all(
    [...anchorsOf(graph, person).values()].map(async ({ group, values }) => {
      const def = graph.nodes.get(group.collection)?.def;
      if (!def) return;
      for (const row of await lookup(group, [...values.keys()])) {
        const key = rowKey(def, row);
        const value = canonicalIdentity(group.match, row[group.field]);
        if (value === null || isOwnRow(own, group.collection, key)) continue;
        const via = `${group.collection}.${group.field}`;
        for (const terminal of values.get(value) ?? []) {
          const list = links.get(terminal) ?? [];
          list.push({ address: group.collection, key, row, via });
          links.set(terminal, list);
        }
      }
    }),
  );
  for (const list of links.values())
    list.sort((a, b) =>
      a.via !== b.via ? (a.via < b.via ? -1 : 1) : compareRowKeys(a.key, b.key),
    );
  return links;
}

/** The lookups that find rows linked to the person's terminal rows, one per (collection,
 * field, comparison), each value mapped to the terminal rows it anchors. */
function anchorsOf(graph: TraversalGraph, person: SubjectGraph): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  const want = (group: LookupGroup, value: string, terminal: string): void => {
    const id = `${group.collection}\u0000${group.field}\u0000${group.match}`;
    const entry = wanted.get(id) ?? { group, values: new Map<string, Set<string>>() };
    entry.values.set(value, (entry.values.get(value) ?? new Set()).add(terminal));
    wanted.set(id, entry);
  };
  const places = identityPlaces(graph);
  const upsInto = upEdgesByTarget(graph);
  const used = usedValues(person);
  for (const [address, rows] of person.rows) {
    const node = graph.nodes.get(address);
    if (!node) continue;
    for (const found of rows) {
      if (found.role !== 'terminal') continue;
      const id = terminalId(address, found.key);
      for (const ref of node.identityCarriers) {
        if (!ref.kind.shared) continue; // a `shared` field of a personal kind anchors nothing
        const value = canonicalIdentity(ref.kind.format, found.row[ref.field.key]);
        if (value === null) continue;
        for (const place of places.get(ref.kind.name) ?? [])
          want(
            { collection: place.collection, field: place.field.key, match: ref.kind.format },
            value,
            id,
          );
      }
      for (const { from, edge } of upsInto.get(address) ?? []) {
        const value = valueText(found.row[edge.targetField.key]);
        if (value !== null && used(from, edge.field.key).has(value))
          want({ collection: from, field: edge.field.key, match: 'exact' }, value, id);
      }
    }
  }
  return wanted;
}

/** Up-references by the collection they point to. */
function upEdgesByTarget(graph: TraversalGraph): Map<string, { from: string; edge: UpEdge }[]> {
  const into = new Map<string, { from: string; edge: UpEdge }[]>();
  for (const node of graph.nodes.values())
    for (const edge of node.ups)
      into.set(edge.target, [...(into.get(edge.target) ?? []), { from: node.address, edge }]);
  return into;
}

/** The values the person's own rows hold in a field (the up-references they used). */
function usedValues(person: SubjectGraph): (address: string, field: string) => Set<string> {
  const memo = new Map<string, Set<string>>();
  return (address, field) => {
    const id = `${address}\u0000${field}`;
    let values = memo.get(id);
    if (!values) {
      values = new Set(
        (person.rows.get(address) ?? []).flatMap((mine) =>
          mine.role === 'subject' ? (valueText(mine.row[field]) ?? []) : [],
        ),
      );
      memo.set(id, values);
    }
    return values;
  };
}

/** Every field holding values of each identity kind: declared, or carried by a reference. */
function identityPlaces(graph: TraversalGraph): Map<string, IdentityFieldRef[]> {
  const places = new Map<string, IdentityFieldRef[]>();
  for (const node of graph.nodes.values()) {
    for (const ref of node.identityCarriers)
      places.set(ref.kind.name, [...(places.get(ref.kind.name) ?? []), ref]);
  }
  return places;
}

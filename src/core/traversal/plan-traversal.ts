/**
 * Which collections a query needs and which fields to read from each (SPEC §5: "resolving
 * only what the query asks for plus the joins it needs"). A collection is needed when it is
 * selected, when its rows lead to a needed collection (as a parent of it, or pointing up to
 * it), or when it yields identity values that are looked up in a needed collection — so a
 * person is still found whole, but a leaf nobody asked for is never read.
 */
import type { CollectionNode, TraversalGraph } from './traversal-graph';

export interface CollectionPlan {
  readonly address: string;
  /** Field keys to read: the selection plus every key the traversal joins on. */
  readonly fields: readonly string[];
  readonly selected: boolean;
}

export interface TraversalPlan {
  readonly graph: TraversalGraph;
  readonly collections: ReadonlyMap<string, CollectionPlan>;
}

/** `selection`: collection address → field keys the operation reads from it. */
export function planTraversal(
  graph: TraversalGraph,
  selection: ReadonlyMap<string, ReadonlySet<string>>,
): TraversalPlan {
  const needed = new Set([...selection.keys()].filter((address) => graph.nodes.has(address)));
  const kindsLookedUp = (): Set<string> => {
    const kinds = new Set<string>();
    for (const address of needed) {
      for (const field of graph.nodes.get(address)?.def.fields ?? []) {
        if (field.identity !== undefined) kinds.add(field.identity);
      }
    }
    return kinds;
  };
  for (let grew = true; grew;) {
    grew = false;
    const kinds = kindsLookedUp();
    for (const node of graph.nodes.values()) {
      if (needed.has(node.address) || !graph.subjectCapable.has(node.address)) continue;
      const leads =
        node.children.some((edge) => needed.has(edge.child)) ||
        node.ups.some((edge) => needed.has(edge.target)) ||
        node.identitySources.some(
          (ref) => kinds.has(ref.kind.name) && yieldsNewValues(graph, node, ref.field.key),
        );
      if (leads) {
        needed.add(node.address);
        grew = true;
      }
    }
  }

  const collections = new Map<string, CollectionPlan>();
  for (const address of needed) {
    const node = graph.nodes.get(address);
    if (!node) continue;
    const fields = new Set<string>(node.def.primaryKey);
    for (const ref of node.identitySources) fields.add(ref.field.key);
    // where this collection is looked up by identity, `shared` fields included
    for (const field of node.def.fields) if (field.identity !== undefined) fields.add(field.key);
    for (const edge of node.children) if (needed.has(edge.child)) fields.add(edge.parentField.key);
    for (const edge of node.ups) if (needed.has(edge.target)) fields.add(edge.field.key);
    for (const other of needed) {
      // a needed parent is looked up by this collection's reference value
      for (const edge of graph.nodes.get(other)?.children ?? []) {
        if (edge.child === address) fields.add(edge.childField.key);
      }
    }
    for (const key of selection.get(address) ?? []) fields.add(key);
    collections.set(address, { address, fields: [...fields], selected: selection.has(address) });
  }
  return { graph, collections };
}

/** A declared identity field always yields new values. A reference that merely carries an
 * identity (`posts.author_id → users.id`) yields nothing new when that reference is the
 * only way into its collection: every value it holds is the key it was found by. */
function yieldsNewValues(graph: TraversalGraph, node: CollectionNode, fieldKey: string): boolean {
  const field = node.def.fields.find((f) => f.key === fieldKey);
  if (field?.identity !== undefined) return true;
  if (node.identitySources.some((ref) => ref.field.identity !== undefined && !ref.shared))
    return true;
  for (const parent of graph.nodes.values()) {
    if (!graph.subjectCapable.has(parent.address)) continue;
    if (
      parent.children.some(
        (edge) => edge.child === node.address && edge.childField.key !== fieldKey,
      )
    )
      return true;
  }
  return false;
}

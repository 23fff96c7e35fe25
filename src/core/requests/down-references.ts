/**
 * A collection's references seen from the child (SPEC §5, `ReferenceFollow` in the data map
 * model): `child.field → parent.parentField` followed `down` or `both` — the references that
 * make a row belong to whoever its parent belongs to (tasks → employees → users).
 */
import type { FieldDef } from '../datamap/model';
import { formatCollectionAddress } from '../datamap/model';
import type { TraversalGraph } from '../traversal/traversal-graph';

export interface DownReference {
  readonly field: FieldDef;
  readonly parent: string;
  readonly parentField: FieldDef;
}

const cache = new WeakMap<TraversalGraph, Map<string, readonly DownReference[]>>();

/** In the order the collection declares its fields; references into a sourceless system
 * are left out (nothing can be read there). */
export function downReferences(graph: TraversalGraph, address: string): readonly DownReference[] {
  const byAddress = cache.get(graph) ?? new Map<string, readonly DownReference[]>();
  cache.set(graph, byAddress);
  const known = byAddress.get(address);
  if (known) return known;
  const found: DownReference[] = [];
  for (const field of graph.nodes.get(address)?.def.fields ?? []) {
    if (!field.references || (field.follow !== 'down' && field.follow !== 'both')) continue;
    const parent = formatCollectionAddress(field.references);
    const parentField = graph.nodes
      .get(parent)
      ?.def.fields.find((candidate) => candidate.key === field.references?.field);
    if (parentField) found.push({ field, parent, parentField });
  }
  byAddress.set(address, found);
  return found;
}

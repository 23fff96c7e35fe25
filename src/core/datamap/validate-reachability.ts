/**
 * Every collection of a readable system must be reachable from a subject's identities,
 * or the subject graph — and with it access and erasure requests (SPEC §6) — would
 * silently skip it: a DSAR answered from a map with an unreachable table is incomplete.
 *
 * The rule mirrors the traversal's (see `ReferenceFollow` in model.ts): a collection with
 * an identity field is reachable; a reference child.f → parent.g makes the child reachable
 * from a reachable parent when followed `down`/`both`, and the parent from a reachable child
 * when followed `up`/`both`. Repeat until nothing changes.
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { collectionPath } from './map-paths';
import type { CollectionAddress, DataMap } from './model';
import { formatCollectionAddress, formatFieldAddress } from './model';

interface Edge {
  readonly child: string;
  readonly parent: string;
  readonly down: boolean;
  readonly up: boolean;
}

export function unreachableCollections(map: DataMap): CollectionAddress[] {
  const readable = map.systems.filter((s) => s.source !== undefined).flatMap((s) => s.collections);
  const targets = new Set(
    readable.flatMap((c) => c.fields.map((f) => formatFieldAddress(f.address))),
  );
  const reached = new Set(
    readable
      .filter((c) => c.fields.some((f) => f.identity !== undefined))
      .map((c) => formatCollectionAddress(c.address)),
  );
  const edges: Edge[] = readable.flatMap((c) =>
    c.fields.flatMap((f) => {
      if (f.references === undefined) return [];
      const parent = `${f.references.system}.${f.references.collection}`;
      // A broken reference is reported by the reference check and carries no one here.
      if (!targets.has(`${parent}.${f.references.field}`)) return [];
      const child = formatCollectionAddress(c.address);
      return [
        {
          child,
          parent,
          down: f.follow === 'down' || f.follow === 'both',
          up: f.follow === 'up' || f.follow === 'both',
        },
      ];
    }),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const edge of edges) {
      if (edge.down && reached.has(edge.parent) && !reached.has(edge.child)) {
        reached.add(edge.child);
        changed = true;
      }
      if (edge.up && reached.has(edge.child) && !reached.has(edge.parent)) {
        reached.add(edge.parent);
        changed = true;
      }
    }
  }
  return readable
    .filter((c) => !reached.has(formatCollectionAddress(c.address)))
    .map((c) => c.address);
}

export function checkReachability(map: DataMap): DataMapIssue[] {
  return unreachableCollections(map).map((address) => {
    const name = formatCollectionAddress(address);
    return issue(
      collectionPath(address),
      `no identity or reference path reaches collection ${name}`,
      'add an identity field or a reference to a reachable collection',
    );
  });
}

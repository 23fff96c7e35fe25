/**
 * Whether rows belong to someone other than the person (SPEC §6: "a row that also belongs to
 * another person … is neither deleted nor rewritten while another owner remains").
 *
 * A row is *someone else's* when it carries a value of a non-shared identity kind that is not
 * one of the person's (an e-mail, a user id — a shared kind such as a device id proves
 * nothing), or when one of its down-references points to a row that is not one of the
 * person's own rows and is someone else's (walking up parents: an approval → its approver's
 * employee row → that employee's work e-mail). A row whose identity values were erased or
 * anonymised (nulled) proves no owner, so once the other person is erased the link is gone.
 *
 * Ownership flows down through the person's own rows too: a row whose down-reference points
 * at one of the person's own rows that is someone else's as well belongs to every owner of
 * that parent (a line of an order the person shares with the gift's recipient is the
 * recipient's too). A row that carries one of the person's own identities is theirs by that
 * identity and does not inherit this way (docs/decisions.md, "Erasure: shared parents").
 *
 * Parents are read level by level, one batched lookup per (collection, field) per level —
 * never one per row (SPEC §5, "No N+1"). The walk stops after `maxDepth` levels; a row whose
 * owner is still undecided then counts as someone else's: keeping a row too long is visible
 * and reversible, deleting another person's data is neither.
 */
import { valueText } from '../identity/canonical';
import type { BatchLookup, LookupGroup } from '../traversal/resolve-subjects';
import { rowKey, rowKeyOf } from '../traversal/row-key';
import type { SourceRow } from '../traversal/source-row';
import type { TraversalGraph } from '../traversal/traversal-graph';
import type { DownReference } from './down-references';
import { downReferences } from './down-references';
import type { RowKeySets } from './person-rows';
import { foreignIdentityField, holdsPersonIdentity, isOwnRow } from './person-rows';

export const DEFAULT_MAX_OWNER_DEPTH = 16;

export interface RowRef {
  readonly address: string;
  readonly row: SourceRow;
}

export interface OwnershipContext {
  readonly graph: TraversalGraph;
  readonly own: RowKeySets;
  /** The person's non-shared identities (`person-rows.ts`). */
  readonly identities: ReadonlySet<string>;
  readonly lookup: BatchLookup;
  readonly maxDepth?: number;
}

/** `collection.field` of the link proving the row is someone else's (too), or undefined. */
export type OwnerVia = (address: string, key: string) => string | undefined;

interface Link {
  readonly index: number;
  readonly via: string;
  readonly parent: OwnerNode;
}

interface OwnerNode {
  readonly address: string;
  readonly key: string;
  readonly row: SourceRow;
  readonly identityVia?: string;
  /** The row holds one of the person's identities: it inherits no owner from their rows. */
  readonly personal: boolean;
  readonly links: Link[];
  readonly referrers: OwnerNode[];
  undecidedVia?: string;
}

interface Pending {
  readonly group: LookupGroup;
  readonly values: Set<string>;
  readonly waiting: { node: OwnerNode; ref: DownReference; index: number; value: string }[];
}

export async function resolveOwnership(
  context: OwnershipContext,
  rows: readonly RowRef[],
): Promise<OwnerVia> {
  const { graph, own, identities, lookup } = context;
  const maxDepth = context.maxDepth ?? DEFAULT_MAX_OWNER_DEPTH;
  const nodes = new Map<string, OwnerNode>();
  const add = (address: string, row: SourceRow): { node: OwnerNode; created: boolean } | null => {
    const collection = graph.nodes.get(address);
    if (!collection) return null;
    const key = rowKey(collection.def, row);
    const id = `${address}\u0000${key}`;
    const known = nodes.get(id);
    if (known) return { node: known, created: false };
    const identityVia = foreignIdentityField(collection, row, identities);
    const personal = holdsPersonIdentity(collection, row, identities);
    const node: OwnerNode = { address, key, row, identityVia, personal, links: [], referrers: [] };
    nodes.set(id, node);
    return { node, created: true };
  };
  // a link to one of the person's own rows only carries another owner down to a row that is
  // not the person's by its own identity
  const link = (node: OwnerNode, index: number, ref: DownReference, parent: OwnerNode): void => {
    if (node.personal && isOwnRow(own, parent.address, parent.key)) return;
    node.links.push({ index, via: `${node.address}.${ref.field.key}`, parent });
    parent.referrers.push(node);
  };
  let frontier = rows.flatMap(({ address, row }) => {
    const added = add(address, row);
    return added?.created ? [added.node] : [];
  });

  for (let depth = 0; frontier.length > 0; depth++) {
    const pending = new Map<string, Pending>();
    for (const node of frontier) {
      if (node.identityVia) continue;
      downReferences(graph, node.address).forEach((ref, index) => {
        const value = valueText(node.row[ref.field.key]);
        if (value === null) return;
        if (isKnownOwnParent(context, ref, value)) {
          const parent = nodes.get(`${ref.parent}\u0000${rowKeyOf([value])}`);
          if (parent) link(node, index, ref, parent);
          return;
        }
        if (depth >= maxDepth) {
          node.undecidedVia ??= `${node.address}.${ref.field.key}`;
          return;
        }
        const id = `${ref.parent}\u0000${ref.parentField.key}`;
        const group = {
          collection: ref.parent,
          field: ref.parentField.key,
          match: 'exact' as const,
        };
        const entry = pending.get(id) ?? { group, values: new Set<string>(), waiting: [] };
        entry.values.add(value);
        entry.waiting.push({ node, ref, index, value });
        pending.set(id, entry);
      });
    }
    const next: OwnerNode[] = [];
    const answers = await Promise.all(
      [...pending.values()].map(async (entry) => ({
        entry,
        found: await lookup(entry.group, [...entry.values]),
      })),
    );
    for (const { entry, found } of answers) {
      const byValue = new Map<string, SourceRow[]>();
      for (const parent of found) {
        const value = valueText(parent[entry.group.field]);
        if (value === null) continue;
        const same = byValue.get(value) ?? [];
        same.push(parent);
        byValue.set(value, same);
      }
      for (const { node, ref, index, value } of entry.waiting) {
        for (const parentRow of byValue.get(value) ?? []) {
          const added = add(ref.parent, parentRow);
          if (!added) continue;
          link(node, index, ref, added.node);
          if (added.created) next.push(added.node);
        }
      }
    }
    frontier = next;
  }

  const owned = propagateOwnership([...nodes.values()]);
  return (address, key) => {
    const node = nodes.get(`${address}\u0000${key}`);
    if (!node || !owned.has(node)) return undefined;
    if (node.identityVia) return node.identityVia;
    const link = [...node.links]
      .sort((a, b) => a.index - b.index)
      .find((candidate) => owned.has(candidate.parent));
    return link?.via ?? node.undecidedVia;
  };
}

/** A parent whose key field is the one referenced and which is one of the person's own rows
 * needs no read: it is already known, and owned only if the walk finds it owned. */
function isKnownOwnParent(context: OwnershipContext, ref: DownReference, value: string): boolean {
  const parent = context.graph.nodes.get(ref.parent)?.def;
  if (!parent || parent.primaryKey.length !== 1 || parent.primaryKey[0] !== ref.parentField.key)
    return false;
  return isOwnRow(context.own, ref.parent, rowKeyOf([value]));
}

/** Owned rows are those with a foreign identity or an undecided walk, and every row that
 * (transitively) points to one through a down-reference: a fixed point, so cycles end. */
function propagateOwnership(nodes: readonly OwnerNode[]): Set<OwnerNode> {
  const owned = new Set(nodes.filter((node) => node.identityVia ?? node.undecidedVia));
  const work = [...owned];
  for (let node = work.pop(); node; node = work.pop()) {
    for (const referrer of node.referrers) {
      if (owned.has(referrer)) continue;
      owned.add(referrer);
      work.push(referrer);
    }
  }
  return owned;
}

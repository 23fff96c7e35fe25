/**
 * What the request modules need to know about the person a traversal found (SPEC §5): which
 * rows are their own (`subject` role — a related `terminal` row is theirs only while nobody
 * else is linked to it) and which non-shared identity values are theirs.
 */
import { canonicalIdentity } from '../identity/canonical';
import type { FoundRow, SubjectGraph } from '../traversal/subject-graph';
import type { CollectionNode } from '../traversal/traversal-graph';

/** Collection address → row keys. */
export type RowKeySets = ReadonlyMap<string, ReadonlySet<string>>;

/** The person's own rows: those the traversal found about them (`subject` role). */
export function ownRowKeys(person: SubjectGraph): RowKeySets {
  const own = new Map<string, Set<string>>();
  for (const [address, rows] of person.rows) {
    const keys = new Set(rows.filter((row) => row.role === 'subject').map((row) => row.key));
    if (keys.size > 0) own.set(address, keys);
  }
  return own;
}

export function isOwnRow(own: RowKeySets, address: string, key: string): boolean {
  return own.get(address)?.has(key) ?? false;
}

const identityId = (kind: string, value: string): string => `${kind}\u0000${value}`;

/** The person's identities of non-shared kinds, as `kind\0canonical value`. */
export function personIdentities(person: SubjectGraph): ReadonlySet<string> {
  return new Set(
    person.identities
      .filter((identity) => !identity.shared)
      .map((identity) => identityId(identity.kind, identity.value)),
  );
}

/**
 * The first field of `row` holding a value of a non-shared identity kind (declared, or carried
 * by a reference to a field that declares it) that is not one of the person's: the row is
 * about someone else too. Returns `collection.field`, or undefined.
 */
export function foreignIdentityField(
  node: CollectionNode,
  row: Readonly<Record<string, unknown>>,
  identities: ReadonlySet<string>,
): string | undefined {
  for (const ref of node.identitySources) {
    if (ref.kind.shared) continue;
    const value = canonicalIdentity(ref.kind.format, row[ref.field.key]);
    if (value !== null && !identities.has(identityId(ref.kind.name, value)))
      return `${node.address}.${ref.field.key}`;
  }
  return undefined;
}

/** Rows of the person's graph in deterministic order: collection as discovered, rows by key. */
export function sortedRows(rows: readonly FoundRow[]): FoundRow[] {
  return [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

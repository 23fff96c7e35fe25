/**
 * What the request modules need to know about the person a traversal found (SPEC §5): which
 * rows are their own (`subject` role — a related `terminal` row is theirs only while nobody
 * else is linked to it) and which non-shared identity values are theirs.
 */
import { canonicalIdentity } from '../identity/canonical';
import type { FoundRow, SubjectGraph } from '../traversal/subject-graph';
import type { CollectionNode, IdentityFieldRef } from '../traversal/traversal-graph';

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

/** True when `row` holds, in the field of `ref`, a value of a non-shared identity kind that is
 * not one of the person's: the value is someone else's. */
export function isForeignIdentity(
  ref: IdentityFieldRef,
  row: Readonly<Record<string, unknown>>,
  identities: ReadonlySet<string>,
): boolean {
  if (ref.kind.shared) return false;
  const value = canonicalIdentity(ref.kind.format, row[ref.field.key]);
  return value !== null && !identities.has(identityId(ref.kind.name, value));
}

/** `collection.field` of the first field of `row` showing the row is someone else's, or
 * undefined: a field holding someone else's identity that says whose the row is — declared,
 * or carried by a reference followed down. An `up`/`none` reference names someone related (a
 * parent's card), and a `shared` field someone the row may merely concern (a gift's
 * recipient): neither makes the row theirs, as neither makes it the person's. */
export function foreignIdentityField(
  node: CollectionNode,
  row: Readonly<Record<string, unknown>>,
  identities: ReadonlySet<string>,
): string | undefined {
  const ref = node.identitySources.find(
    (source) => !source.shared && isForeignIdentity(source, row, identities),
  );
  return ref && `${node.address}.${ref.field.key}`;
}

/** True when `row` holds any identity value of the person, a shared one included (their
 * device's id on a log line), in any field carrying one, whichever way it is followed. */
export function holdsAnyPersonValue(
  node: CollectionNode,
  row: Readonly<Record<string, unknown>>,
  person: SubjectGraph,
): boolean {
  const all = new Set(person.identities.map((i) => identityId(i.kind, i.value)));
  return node.identityCarriers.some((ref) => {
    const value = canonicalIdentity(ref.kind.format, row[ref.field.key]);
    return value !== null && all.has(identityId(ref.kind.name, value));
  });
}

/** True when `row` itself carries one of the person's non-shared identity values (declared, or
 * carried by a reference): it is the person's by its own identity, not only through a parent. */
export function holdsPersonIdentity(
  node: CollectionNode,
  row: Readonly<Record<string, unknown>>,
  identities: ReadonlySet<string>,
): boolean {
  return node.identitySources.some((ref) => {
    if (ref.kind.shared) return false;
    const value = canonicalIdentity(ref.kind.format, row[ref.field.key]);
    return value !== null && identities.has(identityId(ref.kind.name, value));
  });
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Orders row keys (`row-key.ts`) part by part, numbers as numbers (`["5"]` before
 * `["30"]`), so plans and packages list rows the way a reader expects, deterministically. */
export function compareRowKeys(a: string, b: string): number {
  const left = JSON.parse(a) as (string | null)[];
  const right = JSON.parse(b) as (string | null)[];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    if (NUMBER.test(x) && NUMBER.test(y) && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Rows in deterministic order: by key (`compareRowKeys`). */
export function sortedRows(rows: readonly FoundRow[]): FoundRow[] {
  return [...rows].sort((a, b) => compareRowKeys(a.key, b.key));
}

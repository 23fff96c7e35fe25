/**
 * The independent oracle the traversal is tested against. Generators record, as they create
 * each row, whom it is about (a *subject* row: the person's own data) or whom it is merely
 * related to (a *related* row: the organisation an employee works for, a device two people
 * share). Ground truth is read back from that record — never by walking the data map — so a
 * traversal bug cannot hide behind the same bug in its oracle.
 */
import type { IdentityFormat } from '../../src/core/datamap/model';
import { canonicalIdentity } from '../../src/core/identity/canonical';
import { rowKeyOf } from '../../src/core/traversal/row-key';

/** Primary-key values of one row: a single value or, for a composite key, all in key order. */
export type PkValue = string | number | readonly (string | number)[];

/** `system.collection` → row keys (`rowKeyOf` of the primary-key values as text). */
export type GroundTruth = Map<string, Set<string>>;

export interface GroundTruthParts {
  /** Rows about the person, expanded by the traversal. */
  readonly subject: GroundTruth;
  /** Rows shown with the person but never expanded (`follow: up` targets, shared identities). */
  readonly related: GroundTruth;
}

export interface IdentityValue {
  readonly kind: string;
  readonly value: string;
}

export interface IdentityKindSpec {
  readonly format: IdentityFormat;
  readonly shared: boolean;
}

/** What a generator records about one person while it creates rows. */
export class Ownership {
  readonly subject = new Map<string, PkValue[]>();
  readonly related = new Map<string, PkValue[]>();

  addSubject(address: string, pk: PkValue): void {
    push(this.subject, address, pk);
  }

  addRelated(address: string, pk: PkValue): void {
    push(this.related, address, pk);
  }

  /** Systems holding at least one of the person's own rows. */
  systems(): string[] {
    const systems = new Set<string>();
    for (const address of this.subject.keys()) systems.add(address.slice(0, address.indexOf('.')));
    return [...systems].sort();
  }
}

function push(map: Map<string, PkValue[]>, address: string, pk: PkValue): void {
  const list = map.get(address);
  if (list) list.push(pk);
  else map.set(address, [pk]);
}

/** The row key the traversal computes for a row whose primary key the source returned as `pk`. */
export function rowKeyOfPk(pk: PkValue): string {
  return rowKeyOf(Array.isArray(pk) ? pk.map(String) : [String(pk)]);
}

function toTruth(entries: Map<string, PkValue[]>, into: GroundTruth = new Map()): GroundTruth {
  for (const [address, pks] of entries) {
    const keys = into.get(address) ?? new Set<string>();
    for (const pk of pks) keys.add(rowKeyOfPk(pk));
    into.set(address, keys);
  }
  return into;
}

/** Union of subject and related rows: what a traversal from the person must return. */
export function mergeParts(parts: GroundTruthParts): GroundTruth {
  const merged: GroundTruth = new Map();
  for (const part of [parts.related, parts.subject]) {
    for (const [address, keys] of part) {
      const into = merged.get(address) ?? new Set<string>();
      for (const key of keys) into.add(key);
      merged.set(address, into);
    }
  }
  return merged;
}

export interface GroundTruthSource {
  readonly identities: Readonly<Record<string, IdentityKindSpec>>;
  readonly identitiesOf: (personIndex: number) => Readonly<Record<string, readonly string[]>>;
  readonly ownershipOf: (personIndex: number) => Ownership;
  /** Rows a shared identity value locates (always related rows: a shared seed expands nothing). */
  readonly sharedRows: (kind: string, canonicalValue: string) => Ownership;
}

/**
 * Builds `groundTruthParts(person, via?)`. Through any non-shared identity of the person the
 * whole person is found (identities found on their rows seed further lookups); through a
 * shared one (a device id) only the rows carrying that value, as related rows.
 */
export function groundTruthFrom(source: GroundTruthSource) {
  return (personIndex: number, via?: IdentityValue): GroundTruthParts => {
    if (via === undefined) return partsOf(source.ownershipOf(personIndex));
    const kind = source.identities[via.kind];
    if (!kind) throw new Error(`unknown identity kind "${via.kind}"`);
    const canonical = canonicalIdentity(kind.format, via.value);
    const own = source.identitiesOf(personIndex)[via.kind] ?? [];
    if (canonical === null || !own.includes(canonical)) {
      throw new Error(`person ${personIndex} has no ${via.kind} "${via.value}"`);
    }
    if (kind.shared)
      return {
        subject: new Map(),
        related: toTruth(source.sharedRows(via.kind, canonical).related),
      };
    return partsOf(source.ownershipOf(personIndex));
  };
}

/** A row found both as the person's own and as related is a subject row (it is expanded). */
function partsOf(ownership: Ownership): GroundTruthParts {
  const subject = toTruth(ownership.subject);
  const related = toTruth(ownership.related);
  for (const [address, keys] of related) {
    const own = subject.get(address);
    if (own) for (const key of own) keys.delete(key);
    if (keys.size === 0) related.delete(address);
  }
  return { subject, related };
}

/**
 * The data subjects of one operation's ledger (SPEC §7: one `read` event per data subject,
 * named by the keyed hashes of their identities). The ledger has an entry per facts object:
 * each queried subject, and each other person met on a related row
 * (`related-row-facts.ts`). Entries whose keys share one hash are one person — Alice queried
 * herself and met as Bob's referrer, or met as the referrer of two subjects — and become one
 * subject with every key and every (coordinate, decision) once. Entries naming nobody (a
 * related row without any personal identity) are one subject with no keys, apart from the
 * queried subjects'.
 */
import type { AuditCoordinate } from '../core/audit/audit-event';
import type { AuditLedger } from './request-access';

export interface LedgerSubject {
  readonly subjectKeys: readonly string[];
  /** Met only on rows that are not a queried subject's own. */
  readonly related: boolean;
  readonly coordinates: readonly AuditCoordinate[];
}

interface Group {
  readonly keys: Set<string>;
  related: boolean;
  readonly coordinates: Map<string, AuditCoordinate>;
}

export function ledgerSubjects(ledger: AuditLedger): LedgerSubject[] {
  const groups: Group[] = [];
  for (const [facts, touched] of ledger) {
    const related = facts.related === true;
    const keys = new Set(facts.subjectKeys);
    const matching = groups.filter((group) =>
      keys.size === 0
        ? group.keys.size === 0 && group.related === related
        : [...keys].some((key) => group.keys.has(key)),
    );
    const into: Group = matching[0] ?? { keys: new Set(), related, coordinates: new Map() };
    if (matching.length === 0) groups.push(into);
    for (const other of matching.slice(1)) {
      merge(into, other.keys, other.related, other.coordinates.values());
      groups.splice(groups.indexOf(other), 1);
    }
    merge(into, keys, related, touched.values());
  }
  return groups.map((group) => ({
    subjectKeys: [...group.keys].sort(),
    related: group.related,
    coordinates: [...group.coordinates.values()].sort(
      (a, b) => a.coordinate.localeCompare(b.coordinate) || idOf(a).localeCompare(idOf(b)),
    ),
  }));
}

function merge(
  into: Group,
  keys: Iterable<string>,
  related: boolean,
  coordinates: Iterable<AuditCoordinate>,
): void {
  for (const key of keys) into.keys.add(key);
  into.related &&= related;
  for (const coordinate of coordinates) into.coordinates.set(idOf(coordinate), coordinate);
}

const idOf = (c: AuditCoordinate): string =>
  `${c.coordinate}\u0000${c.effect}\u0000${c.method ?? ''}\u0000${c.reason}`;

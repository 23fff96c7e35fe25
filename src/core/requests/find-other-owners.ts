/**
 * Which of a person's rows also belong to someone else (SPEC §6: "a row that also belongs to
 * another person (a shared address, a shared device) is neither deleted nor rewritten while
 * another owner remains: the plan lists it as shared, and the erasure of its last owner
 * removes it"). Pure apart from the injected `BatchLookup`, the same batched read the
 * traversal uses.
 *
 * - A person's own (`subject`) row is shared when one of its down-references points to a row
 *   that is not one of their own rows and belongs to someone (an approval of their task whose
 *   `approver_id` is another employee with a work e-mail).
 * - A related (`terminal`) row is shared when it belongs to someone else itself, or when a
 *   row that is not one of the person's own links to the same anchor and belongs to someone
 *   (`anchor-links.ts`). Otherwise the person is its last owner and it goes with their data.
 * Ownership is decided in `row-ownership.ts`; a failed read rejects, so no plan is made from
 * a partial view of who else owns what.
 */
import type { BatchLookup } from '../traversal/resolve-subjects';
import type { SubjectGraph } from '../traversal/subject-graph';
import type { TraversalGraph } from '../traversal/traversal-graph';
import { findAnchorLinks, terminalId } from './anchor-links';
import { ownRowKeys, personIdentities, sortedRows } from './person-rows';
import type { RowRef } from './row-ownership';
import { resolveOwnership } from './row-ownership';

/** Collection address → row key → `collection.field` of the link proving another owner. */
export type OtherOwners = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface FindOtherOwnersOptions {
  /** Levels of parents read to settle who owns a row (default `DEFAULT_MAX_OWNER_DEPTH`). */
  readonly maxDepth?: number;
}

export async function findOtherOwners(
  graph: TraversalGraph,
  person: SubjectGraph,
  lookup: BatchLookup,
  options: FindOtherOwnersOptions = {},
): Promise<OtherOwners> {
  const own = ownRowKeys(person);
  const links = await findAnchorLinks(graph, person, own, lookup);
  const rows: RowRef[] = [...person.rows].flatMap(([address, found]) =>
    found.map(({ row }) => ({ address, row })),
  );
  for (const list of links.values()) rows.push(...list);
  const ownerVia = await resolveOwnership(
    { graph, own, identities: personIdentities(person), lookup, maxDepth: options.maxDepth },
    rows,
  );

  const shared = new Map<string, Map<string, string>>();
  for (const [address, found] of person.rows) {
    for (const { key, role } of sortedRows(found)) {
      const via =
        ownerVia(address, key) ??
        (role === 'terminal'
          ? links
              .get(terminalId(address, key))
              ?.find((link) => ownerVia(link.address, link.key) !== undefined)?.via
          : undefined);
      if (via === undefined) continue;
      shared.set(address, (shared.get(address) ?? new Map<string, string>()).set(key, via));
    }
  }
  return shared;
}

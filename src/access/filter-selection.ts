/**
 * Role-level denials are known before execution (SPEC §4.4): the selection handed to the
 * traversal keeps only fields the (role, purpose) may read in some form, so the SQL sent
 * for a role selects no column it may not read — the traversal adds only the join keys it
 * needs, which never reach the response. Decisions depend on the subject's age, so each
 * date-of-birth field is asked for as a `born_after.<field>` flag: the source answers
 * whether the subject is a minor, never the date itself (SPEC §4.4: no column the role may
 * not read).
 */
import type { AccessTable } from './access-table';
import { BORN_AFTER_PREFIX } from '../sources/connector';

export type Selection = Map<string, Set<string>>;

export function filterSelection(
  selection: ReadonlyMap<string, ReadonlySet<string>>,
  table: AccessTable,
  dateOfBirthFields: ReadonlyMap<string, readonly string[]>,
): Selection {
  const filtered: Selection = new Map();
  for (const [address, keys] of selection) {
    if (!table.collections.get(address)?.readable) continue;
    const fields = table.byCollection.get(address);
    const readable = new Set(
      [...keys].filter((key) => fields?.get(key)?.decision.effect !== 'deny'),
    );
    filtered.set(address, readable);
  }
  // Whether anyone was found is decided on the rows the traversal reads, so even when every
  // selected collection is denied, the person is still looked up (by join keys only) and the
  // answer is "found, but denied" rather than a misleading "nobody".
  for (const [address, keys] of dateOfBirthFields) {
    const into = filtered.get(address) ?? new Set<string>();
    for (const key of keys) into.add(`${BORN_AFTER_PREFIX}${key}`);
    filtered.set(address, into);
  }
  return filtered;
}

/**
 * The facts a decision uses on a row that is not the queried subject's own
 * (`src/core/policy/row-relation.ts`): the customer who referred them, a parent's loyalty
 * card, an employer's record. Whose row it is, and so that person's consent and age, is in
 * general unknown, so the safe facts are taken (SPEC §4.3, PIPL art. 13–15, 28, 31):
 *
 * - **no consent**: for a purpose that requires consent, every personal field of the row is
 *   denied (`NO_CONSENT`). Their consent is not looked up under the identities the row shows:
 *   those are part of that person at most, and a withdrawal recorded under another of their
 *   identities would be missed — query that person to read their data for such a purpose;
 * - **possibly a minor, no guardian consent**: an `allow` is at most de-identified (`MINOR`),
 *   unless the row's own date-of-birth field says it is an adult's (its `born_after` flag is
 *   false, or the date itself when read) — or the map records no date of birth anywhere, so
 *   nobody's age, the subject's included, can be known;
 * - **their own keys**: the keyed hashes of the personal identity values the row carries, so
 *   the audit trail names that person too (SPEC §7, `read-audit-events.ts`).
 *
 * Rows the subject shares by a shared identity (their device) are decided with the subject's
 * own facts. One facts object per (keys, age) per batch, so one person's rows met by several
 * subjects of a request are one ledger entry.
 */
import { subjectKey } from '../core/identity/subject-key';
import { isMinor } from '../core/policy/is-minor';
import { valueText } from '../core/identity/canonical';
import type { SubjectSide } from '../core/policy/row-relation';
import { rowRelation, subjectIdentityIds } from '../core/policy/row-relation';
import type { SourceRow } from '../core/traversal/source-row';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { TraversalGraph } from '../core/traversal/traversal-graph';
import { BORN_AFTER_PREFIX } from '../sources/connector';
import type { SubjectFactsBase } from './subject-facts-base';

export interface RelatedFactsContext {
  readonly traversal: TraversalGraph;
  readonly hashKey: Buffer;
  /** Date-of-birth fields by collection address. */
  readonly dobFields: ReadonlyMap<string, readonly string[]>;
  readonly asOf: Date;
  /** Shared by the subjects of one batch: `minor\0keys` → facts. */
  readonly cache: Map<string, SubjectFactsBase>;
}

/** The rows of `graph` not decided with its subject's facts, with the facts they are. */
export function relatedRowFacts(
  graph: SubjectGraph,
  context: RelatedFactsContext,
): ReadonlyMap<SourceRow, SubjectFactsBase> {
  const facts = new Map<SourceRow, SubjectFactsBase>();
  let subject: SubjectSide | undefined;
  for (const [address, rows] of graph.rows) {
    for (const found of rows) {
      if (found.role === 'subject') continue;
      subject ??= subjectSideOf(graph);
      const relation = rowRelation(context.traversal.nodes.get(address), found, subject);
      if (relation.kind !== 'other') continue;
      const keys = relation.identities
        .map((identity) => subjectKey(context.hashKey, identity.kind, identity.value))
        .sort();
      // A map that records no date of birth anywhere cannot tell anyone's age, the queried
      // subject's included: other people's rows are then treated like theirs, not as minors.
      const minor =
        context.dobFields.size > 0 &&
        ageOnRow(found.row, context.dobFields.get(address) ?? [], context.asOf) !== 'adult';
      facts.set(found.row, relatedFacts(keys, minor, context.cache));
    }
  }
  return facts;
}

function subjectSideOf(graph: SubjectGraph): SubjectSide {
  const ownValues = new Map<string, Set<string>>();
  return {
    identities: subjectIdentityIds(graph.identities),
    ownValue: (address, field, value) => {
      const id = `${address}\u0000${field}`;
      let values = ownValues.get(id);
      if (!values) {
        values = new Set(
          (graph.rows.get(address) ?? []).flatMap((found) =>
            found.role === 'subject' ? (valueText(found.row[field]) ?? []) : [],
          ),
        );
        ownValues.set(id, values);
      }
      return values.has(value);
    },
  };
}

function relatedFacts(
  keys: readonly string[],
  minor: boolean,
  cache: Map<string, SubjectFactsBase>,
): SubjectFactsBase {
  const id = `${minor}\u0000${keys.join(',')}`;
  let facts = cache.get(id);
  if (!facts) {
    facts = {
      consented: new Set(),
      guardianConsented: new Set(),
      minor,
      subjectKeys: keys,
      related: true,
    };
    cache.set(id, facts);
  }
  return facts;
}

/** What a row's own date-of-birth fields say of its person's age on `asOf`: a minor, an
 * adult, or nothing (no such field, or empty). Any field saying minor wins. */
export function ageOnRow(
  row: SourceRow,
  dobKeys: readonly string[],
  asOf: Date,
): 'minor' | 'adult' | undefined {
  let adult = false;
  for (const key of dobKeys) {
    const bornAfterCutoff = row[`${BORN_AFTER_PREFIX}${key}`];
    if (bornAfterCutoff === true) return 'minor';
    if (bornAfterCutoff === false) adult = true;
    const value = row[key];
    if (typeof value === 'string' || value instanceof Date) {
      if (isMinor(value, asOf)) return 'minor';
      if (isDate(value)) adult = true;
    }
  }
  return adult ? 'adult' : undefined;
}

/** `isMinor` reads an unreadable date as "no evidence": it is no evidence of an adult either. */
function isDate(value: string | Date): boolean {
  return value instanceof Date
    ? !Number.isNaN(value.getTime())
    : /^\d{4}-\d{2}-\d{2}/.test(value.trim());
}

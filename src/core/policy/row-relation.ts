/**
 * Whose row is it? A subject's traversal (SPEC §5, docs/traversal.md) finds their own rows
 * and *terminal* rows: rows a subject row points up to (the customer who referred them, a
 * parent's loyalty card, an employer) and rows found by a shared identity (a device they
 * use). Consent and age (SPEC §4.3) are facts about one person, so a decision may use the
 * queried subject's facts only on rows that are theirs:
 *
 * - `own` — a subject row; or a terminal row whose personal identity values (non-shared
 *   kinds: declared, or carried by a reference) are all the subject's, at least one of them,
 *   or whose parent (a reference followed down: the row belongs to its parent's person) is
 *   one of the subject's rows, and which names nobody else;
 * - `shared` — a terminal row naming nobody, found by one of the subject's shared identities
 *   (a device they use): it is about the subject as much as about anyone else who uses the
 *   device, and nothing on it says who else, so it is decided as the subject's;
 * - `other` — any other terminal row: it carries someone else's personal identity (the
 *   referrer's e-mail), its parent is a row that is not the subject's (another customer's
 *   login on a shared device), or nothing tells it is the subject's (an up-reference's target
 *   whose identity fields are empty). A terminal row of a collection with no identity field
 *   at all (an employer, a product) names nobody and is nobody's record: it is decided as
 *   context of the subject's row pointing to it (`own`). Decided as another person's whose consent and age are unknown
 *   (`src/access/related-row-facts.ts`); `identities` are the values naming that person,
 *   which the audit trail records as their keys (SPEC §7).
 *
 * Pure: the row, its collection's node, the subject's identities and own rows in.
 */
import { formatCollectionAddress } from '../datamap/model';
import { canonicalIdentity, valueText } from '../identity/canonical';
import type { FoundIdentity, FoundRow } from '../traversal/subject-graph';
import type { CollectionNode } from '../traversal/traversal-graph';

export type RowRelation =
  | { readonly kind: 'own' }
  | { readonly kind: 'shared' }
  | { readonly kind: 'other'; readonly identities: readonly FoundIdentity[] };

const OWN: RowRelation = { kind: 'own' };
const SHARED: RowRelation = { kind: 'shared' };

/** `kind\0canonical value`: how `subjectIdentities` names each identity of the subject. */
export const identityId = (kind: string, value: string): string => `${kind}\u0000${value}`;

/** The identities a subject was found by, shared ones included, as `identityId`s. */
export function subjectIdentityIds(identities: readonly FoundIdentity[]): ReadonlySet<string> {
  return new Set(identities.map((identity) => identityId(identity.kind, identity.value)));
}

/** What is known of the subject: their identities (`identityId`s, shared ones included), and
 * whether `value` is the value of `field` on one of their own rows of `address`. */
export interface SubjectSide {
  readonly identities: ReadonlySet<string>;
  readonly ownValue: (address: string, field: string, value: string) => boolean;
}

export function rowRelation(
  node: CollectionNode | undefined,
  found: FoundRow,
  subject: SubjectSide,
): RowRelation {
  if (found.role === 'subject') return OWN;
  const subjectIdentities = subject.identities;
  const others = new Map<string, FoundIdentity>();
  let carriesSubject = false;
  let sharedWithSubject = false;
  // Every identity value the row holds names someone, whichever way its reference is
  // followed (a parent's card code on a child's card names the parent).
  for (const source of node?.identityCarriers ?? []) {
    const value = canonicalIdentity(source.kind.format, found.row[source.field.key]);
    if (value === null) continue;
    const id = identityId(source.kind.name, value);
    const subjects = subjectIdentities.has(id);
    // A shared kind (a device id) names no person; a person's identity in a field declared
    // `shared` (a gift's recipient phone) makes the row the subject's only in part.
    if (source.kind.shared || (source.shared && subjects)) sharedWithSubject ||= subjects;
    else if (subjects) carriesSubject = true;
    else others.set(id, { kind: source.kind.name, value, shared: false });
  }
  if (others.size > 0) return { kind: 'other', identities: [...others.values()] };
  const parents = node ? parentLinks(node, found.row, subject) : { own: false, other: false };
  if (parents.other) return NOBODY_NAMED;
  if (carriesSubject || parents.own) return OWN;
  if (sharedWithSubject) return SHARED;
  // A collection with no identity field at all (an organisation, a product, a store) holds
  // nobody's record: its row is context of the subject's row that points to it (their
  // employer's name), decided as theirs. A row of a collection that does name people, but
  // whose identity values are empty, may still be a person's: another's, unknown.
  if (node !== undefined && node.identityCarriers.length === 0) return OWN;
  return NOBODY_NAMED;
}

const NOBODY_NAMED: RowRelation = { kind: 'other', identities: [] };

/** Whether the row's parents (references followed `down` or `both`) include one of the
 * subject's rows, and whether they include a row that is not. */
function parentLinks(
  node: CollectionNode,
  row: FoundRow['row'],
  subject: SubjectSide,
): { own: boolean; other: boolean } {
  let own = false;
  let other = false;
  for (const field of node.def.fields) {
    if (!field.references || (field.follow !== 'down' && field.follow !== 'both')) continue;
    const value = valueText(row[field.key]);
    if (value === null) continue;
    const parent = formatCollectionAddress(field.references);
    if (subject.ownValue(parent, field.references.field, value)) own = true;
    else other = true;
  }
  return { own, other };
}

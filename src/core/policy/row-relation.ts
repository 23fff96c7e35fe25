/**
 * Whose row is it? A subject's traversal (SPEC §5, docs/traversal.md) finds their own rows
 * and *terminal* rows: rows a subject row points up to (the customer who referred them, a
 * parent's loyalty card, an employer) and rows found by a shared identity (a device they
 * use). Consent and age (SPEC §4.3) are facts about one person, so a decision may use the
 * queried subject's facts only on rows that are theirs:
 *
 * - `own` — a subject row; or a terminal row whose personal identity values (non-shared
 *   kinds: declared, or carried by a reference) are all the subject's, at least one of them;
 * - `shared` — a terminal row carrying no personal identity, found by one of the subject's
 *   shared identities (a device they use): it is about the subject as much as about anyone
 *   else who uses the device, and names nobody else, so it is decided as the subject's;
 * - `other` — any other terminal row: it carries someone else's personal identity (the
 *   referrer's e-mail), or nothing tells it is the subject's (an up-reference's target
 *   without identities). Decided as another person's whose consent and age are unknown
 *   (`src/access/related-row-facts.ts`); `identities` are the values naming that person,
 *   which the audit trail records as their keys (SPEC §7).
 *
 * Pure: the row, its collection's identity sources and the subject's identities in.
 */
import { canonicalIdentity } from '../identity/canonical';
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

export function rowRelation(
  node: CollectionNode | undefined,
  found: FoundRow,
  subjectIdentities: ReadonlySet<string>,
): RowRelation {
  if (found.role === 'subject') return OWN;
  const others = new Map<string, FoundIdentity>();
  let carriesSubject = false;
  let sharedWithSubject = false;
  for (const source of node?.identitySources ?? []) {
    const value = canonicalIdentity(source.kind.format, found.row[source.field.key]);
    if (value === null) continue;
    const id = identityId(source.kind.name, value);
    const subjects = subjectIdentities.has(id);
    if (source.kind.shared) sharedWithSubject ||= subjects;
    else if (subjects) carriesSubject = true;
    else others.set(id, { kind: source.kind.name, value, shared: false });
  }
  if (others.size > 0) return { kind: 'other', identities: [...others.values()] };
  if (carriesSubject) return OWN;
  if (sharedWithSubject) return SHARED;
  return { kind: 'other', identities: [] };
}

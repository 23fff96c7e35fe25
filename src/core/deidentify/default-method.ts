/**
 * Each personal field's default de-identification (SPEC §4.5: "the `@deidentify(method: …)`
 * directive gives each field its default"), chosen by its category: what a role gets when
 * a rule says `deidentify`, and what a minor's field becomes (SPEC §4.3). The data map may
 * later override it per field. Lookup is by taxonomy prefix; the most specific entry wins.
 */
import type { IdentityFormat } from '../datamap/model';
import { categorySpecificity, isCategoryWithin } from '../taxonomy/category-key';
import type { DeidentifyMethod } from './method';

export interface DefaultMethodEntry {
  readonly category: string;
  readonly method: DeidentifyMethod;
  readonly reason: string;
}

const entry = (category: string, method: DeidentifyMethod, reason: string): DefaultMethodEntry => ({
  category,
  method,
  reason,
});

export const DEFAULT_METHODS: readonly DefaultMethodEntry[] = [
  entry('user.contact', 'mask', 'a masked contact is still recognisable to its owner'),
  entry('user.name', 'mask', 'the surname or initials let an agent address the person'),
  entry('user.account.username', 'mask', 'a sign-in name is recognisable, as a name is'),
  entry('user.government_id', 'mask', 'region and last digits confirm a document, no more'),
  entry('user.credentials', 'redact', 'no part of a secret may ever be shown'),
  entry('user.authorization', 'redact', 'no part of a secret may ever be shown'),
  entry('user.unique_id', 'hash', 'a keyed pseudonym still joins records of one person'),
  entry('user.device.device_id', 'hash', 'a keyed pseudonym still correlates one device'),
  entry('user.device.cookie_id', 'hash', 'a keyed pseudonym still correlates one browser'),
  entry('user.device.ip_address', 'hash', 'a keyed pseudonym still correlates one address'),
  entry('user.demographic', 'generalize', 'a year or a band is shared by many people'),
  entry('user.location', 'generalize', 'a coarser place is shared by many people'),
  entry('user.behavior', 'redact', 'behaviour has no partial form that identifies less'),
  entry('user.content', 'redact', 'free text can say anything; none of it is safe'),
];

/** What a field gets when nothing in the table covers it: the safe end of the scale. */
export const FALLBACK_METHOD: DeidentifyMethod = 'redact';

/**
 * The default method of a field. Its category decides; a field with no table entry but an
 * identity format is a lookup key: mask an email or phone (still recognisable), hash any
 * other identifier (a pseudonym that still joins).
 */
export function defaultMethodFor(
  category: string | undefined,
  identityFormat?: IdentityFormat,
): DeidentifyMethod {
  const found = category === undefined ? undefined : defaultMethodEntry(category);
  if (found) return found.method;
  if (identityFormat === 'email' || identityFormat === 'phone_cn') return 'mask';
  if (identityFormat !== undefined) return 'hash';
  return FALLBACK_METHOD;
}

/** The most specific table entry covering `category`, for explaining a default. */
export function defaultMethodEntry(category: string): DefaultMethodEntry | undefined {
  let best: DefaultMethodEntry | undefined;
  for (const candidate of DEFAULT_METHODS) {
    if (!isCategoryWithin(category, candidate.category)) continue;
    if (!best || categorySpecificity(candidate.category) > categorySpecificity(best.category))
      best = candidate;
  }
  return best;
}

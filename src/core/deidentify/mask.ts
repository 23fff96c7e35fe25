/**
 * `mask`: keep just enough of a value for a person to recognise it ("is your number the one
 * ending 8000?") and star the rest (SPEC §4.5). The format is picked from the field's
 * category (or identity format) and then checked against the value's shape; a value that
 * does not have the expected shape gets the generic mask, never its own format's wider view.
 *
 * What each format reveals (and nothing more; see the property tests):
 * - CN mobile: the first 3 and last 4 of the 11 national digits, `138****8000` (the
 *   display convention of Chinese carriers and apps; GB/T 35273 asks for personal information
 *   shown on screens to be de-identified);
 * - email: the first character of the local part and the domain, `z***@example.com`;
 * - resident identity number: the first 6 (region) and last 4, `110101********1234`;
 * - person names: see `mask-name.ts`;
 * - anything else: the last 4 characters, never more than half of the value, behind a fixed
 *   `****` so the length is not shown either.
 */
import { canonicalPhoneCn, valueText } from '../identity/canonical';
import { isCategoryWithin } from '../taxonomy/category-key';
import type { ValueShape } from './canonical-value';
import { maskPersonName } from './mask-name';

const MASK = '*';
const HIDDEN = MASK.repeat(4);

/** `138****8000`, from any writing of a mainland mobile number; null if it is not one. */
export function maskCnMobile(raw: string): string | null {
  const canonical = canonicalPhoneCn(raw);
  if (canonical === null) return null;
  const national = canonical.slice(3);
  return `${national.slice(0, 3)}${HIDDEN}${national.slice(7)}`;
}

/** `z***@example.com`; null if `raw` has no local part or no domain. */
export function maskEmail(raw: string): string | null {
  const text = raw.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const first = Array.from(text.slice(0, at))[0] ?? '';
  return `${first}***${text.slice(at)}`;
}

/** 18 digits (the last may be the check character X) or the older 15 digits (GB 11643). */
const RESIDENT_ID = /^(?:\d{17}[\dXx]|\d{15})$/;

/** `110101********1234`: region code and the last 4; null if not a resident id number. */
export function maskResidentId(raw: string): string | null {
  const text = raw.trim();
  if (!RESIDENT_ID.test(text)) return null;
  return `${text.slice(0, 6)}${MASK.repeat(text.length - 10)}${text.slice(-4)}`;
}

/** `****1234`: the last 4 characters, or fewer so that at most half the value shows. */
export function maskGeneric(raw: string): string {
  const chars = Array.from(raw);
  const shown = Math.min(4, Math.floor(chars.length / 2));
  return HIDDEN + (shown === 0 ? '' : chars.slice(-shown).join(''));
}

type Format = 'mobile' | 'email' | 'resident_id' | 'name' | 'generic';

/** Which format the field's metadata calls for; the value's shape is checked afterwards. */
export function maskFormatFor(shape: ValueShape): Format {
  const { category, identityFormat } = shape;
  const within = (ancestor: string): boolean =>
    category !== undefined && isCategoryWithin(category, ancestor);
  if (identityFormat === 'phone_cn' || within('user.contact.phone_number')) return 'mobile';
  if (identityFormat === 'email' || within('user.contact.email')) return 'email';
  if (within('user.name')) return 'name';
  if (within('user.government_id')) return 'resident_id';
  return 'generic';
}

/** The masked text of a non-null value, in the format its field calls for. */
export function maskValue(value: unknown, shape: ValueShape): string | null {
  const text = valueText(value);
  if (text === null) return null;
  switch (maskFormatFor(shape)) {
    case 'mobile':
      return maskCnMobile(text) ?? maskGeneric(text);
    case 'email':
      return maskEmail(text) ?? maskGeneric(text);
    case 'resident_id':
      return maskResidentId(text) ?? maskGeneric(text);
    case 'name':
      return maskPersonName(text);
    case 'generic':
      return maskGeneric(text);
  }
}

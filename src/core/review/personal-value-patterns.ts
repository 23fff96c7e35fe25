/**
 * Does a value look like personal data? For `policy lint` on sampled values of fields the
 * map leaves uncategorised: a column named `contact` or `extra` full of mobile numbers is a
 * forgotten category the name heuristics cannot see. Three shapes, each strict enough that a
 * random id rarely passes:
 *
 * - a mainland China mobile number: only digits and phone punctuation, `1[3-9]` + 9 digits
 *   after an optional +86/0086 (the canonical form of `canonicalPhoneCn`);
 * - an e-mail address: `local@domain.tld`, no spaces;
 * - a resident identity number (GB 11643-1999): 18 characters with a valid birth date and
 *   the ISO 7064 MOD 11-2 check character, or the old 15-digit form with a valid date.
 */
import { canonicalPhoneCn, valueText } from '../identity/canonical';

export type PersonalValueKind = 'cn_mobile' | 'email' | 'resident_id';

export const PERSONAL_VALUE_KINDS: Readonly<
  Record<PersonalValueKind, { readonly label: string; readonly category: string }>
> = {
  cn_mobile: { label: 'CN mobile numbers', category: 'user.contact.phone_number' },
  email: { label: 'e-mail addresses', category: 'user.contact.email' },
  resident_id: {
    label: 'resident identity numbers',
    category: 'user.government_id.national_identification_number',
  },
};

const PHONE_SHAPE = /^[\d\s+()-]+$/;
const MOBILE = /^\+861[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

function isResidentId(text: string): boolean {
  if (/^\d{17}[\dX]$/i.test(text)) {
    const digits = [...text.slice(0, 17)].map(Number);
    const sum = digits.reduce((total, digit, i) => total + digit * (WEIGHTS[i] ?? 0), 0);
    const date = validDate(
      Number(text.slice(6, 10)),
      Number(text.slice(10, 12)),
      Number(text.slice(12, 14)),
    );
    return date && CHECK[sum % 11] === text.charAt(17).toUpperCase();
  }
  if (/^\d{15}$/.test(text))
    return validDate(
      1900 + Number(text.slice(6, 8)),
      Number(text.slice(8, 10)),
      Number(text.slice(10, 12)),
    );
  return false;
}

/** The kind of personal data `value` looks like, if any. */
export function personalValueKind(value: unknown): PersonalValueKind | undefined {
  const text = valueText(value)?.trim();
  if (text === undefined || text.length === 0 || text.length > 320) return undefined;
  if (isResidentId(text)) return 'resident_id';
  if (PHONE_SHAPE.test(text) && MOBILE.test(canonicalPhoneCn(text) ?? '')) return 'cn_mobile';
  if (EMAIL.test(text)) return 'email';
  return undefined;
}

/**
 * The form a value is hashed or tokenized in (SPEC §4.5: "hash and tokenize take the
 * canonical form, so one phone stored in two formats hashes equal"). The field's identity
 * format decides when it has one; otherwise its category: a phone stored as
 * `+86 138 0013 8000` in one system and `13800138000` in another is one person.
 */
import type { IdentityFormat } from '../datamap/model';
import { canonicalIdentity, canonicalPhoneCn, valueText } from '../identity/canonical';
import { isCategoryWithin } from '../taxonomy/category-key';

export interface ValueShape {
  readonly category?: string;
  readonly identityFormat?: IdentityFormat;
}

/** The identity format a category implies when the field declares none. */
function impliedFormat(category: string | undefined): IdentityFormat | undefined {
  if (category === undefined) return undefined;
  if (isCategoryWithin(category, 'user.contact.phone_number')) return 'phone_cn';
  if (isCategoryWithin(category, 'user.contact.email')) return 'email';
  return undefined;
}

/**
 * The canonical text of `value`, or null for null/undefined. A value that does not fit its
 * format (a landline in a `phone_cn` field) falls back to a weaker normalisation rather than
 * to nothing: phones to their digits, other values to their text as stored.
 */
export function canonicalForDeidentify(value: unknown, shape: ValueShape): string | null {
  const text = valueText(value);
  if (text === null) return null;
  const format = shape.identityFormat ?? impliedFormat(shape.category);
  if (format === undefined || format === 'exact') return text;
  if (format === 'phone_cn') {
    const digits = text.replace(/\D/g, '');
    return canonicalPhoneCn(text) ?? (digits.length > 0 ? digits : text);
  }
  return canonicalIdentity(format, text) ?? text;
}

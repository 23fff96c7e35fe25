/**
 * Canonical forms of identity values (SPEC §5): one person gives `138 0013 8000`, a system
 * stores `+86 138-0013-8000`; both must find the same rows. Every connector renders the
 * same normalisation in its own SQL (see `sources/*`), and the demo's DDL indexes exactly
 * that expression so a canonical comparison stays an index lookup.
 *
 * - `email`, `lowercase`: compared case-insensitively and whole (`a+x@` ≠ `a@`).
 * - `phone_cn`: mainland mobile numbers in E.164 (`+8613800138000`), with or without the
 *   `86`/`0086` prefix and any punctuation; anything else is not a CN mobile number and
 *   matches nothing.
 * - `digits`: every non-digit removed (account numbers typed with separators).
 * - `exact`: the value as stored.
 * NULL, the empty string and values containing NUL match nothing.
 */
import type { IdentityFormat } from '../datamap/model';

/** Longest identity value accepted; longer input cannot be a key anyone stores. */
export const MAX_IDENTITY_LENGTH = 512;

const CN_MOBILE = /^(?:0086|86)?(1\d{10})$/;

export function canonicalPhoneCn(raw: string): string | null {
  // An explicit international prefix must be China's: `+1 415 555 0100` has eleven digits
  // starting with 1 too, but it is not a mainland mobile.
  const international = /^\s*(\+|00)/.exec(raw);
  if (international && !/^\s*(\+|00)\s*86/.test(raw)) return null;
  const digits = raw.replace(/\D/g, '');
  const match = CN_MOBILE.exec(digits);
  return match ? `+86${match[1]}` : null;
}

/** The canonical text of a value already read from a source (numbers, dates, bytes…). */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return JSON.stringify(value);
}

/** Canonical form of an identity value, or null when it cannot identify anyone. */
export function canonicalIdentity(format: IdentityFormat, value: unknown): string | null {
  const text = valueText(value);
  // NUL is never part of a stored key (PostgreSQL text cannot even hold it).
  if (
    text === null ||
    text.length === 0 ||
    text.length > MAX_IDENTITY_LENGTH ||
    text.includes('\u0000')
  )
    return null;
  switch (format) {
    case 'email':
    case 'lowercase':
      return text.trim().toLowerCase() || null;
    case 'phone_cn':
      return canonicalPhoneCn(text);
    case 'digits': {
      const digits = text.replace(/\D/g, '');
      return digits.length > 0 ? digits : null;
    }
    case 'exact':
      return text;
  }
}

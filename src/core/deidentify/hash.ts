/**
 * `hash`: a keyed, one-way pseudonym (SPEC §4.5). HMAC-SHA-256 under the deployment's hash
 * key over the value's canonical form, so the same phone hashes the same in every system and
 * every storage format and pseudonymous joins still work, while without the key nobody can
 * rebuild the table of all 10^11 mobile numbers' hashes (a plain SHA-256 of a phone number
 * is reversed by brute force in minutes — why PIPL art. 73 does not count it as anonymised).
 *
 * Output: `h_` followed by 64 lower-case hex digits. The prefix marks the value as a
 * pseudonym at a glance and keeps it from being mistaken for a stored hex id.
 */
import { createHmac } from 'node:crypto';
import type { ValueShape } from './canonical-value';
import { canonicalForDeidentify } from './canonical-value';

export const HASH_PREFIX = 'h_';

/** HMAC-SHA-256 of an already-canonical text, as `h_<64 hex>`. */
export function hashCanonical(canonical: string, hashKey: Buffer): string {
  return HASH_PREFIX + createHmac('sha256', hashKey).update(canonical, 'utf8').digest('hex');
}

/** The pseudonym of `value` (null stays null). */
export function hashValue(value: unknown, shape: ValueShape, hashKey: Buffer): string | null {
  const canonical = canonicalForDeidentify(value, shape);
  return canonical === null ? null : hashCanonical(canonical, hashKey);
}

/**
 * `tokenize`: a reversible pseudonym (SPEC §4.5) — deterministic, authenticated encryption
 * of the value's canonical form, so the same value gives the same token (joins still work)
 * and only a holder of the key (a role that `may: reidentify`) can turn it back.
 *
 * Construction (SIV-style, after RFC 5297's synthetic IV): IV = the first 12 bytes of
 * HMAC-SHA-256(macKey, plaintext); then AES-256-GCM(encKey, IV, plaintext). Deriving the IV
 * from the plaintext makes encryption deterministic without ever reusing an IV for two
 * different plaintexts (GCM's catastrophic failure); on reversal the GCM tag authenticates
 * the ciphertext and recomputing the IV from the recovered plaintext checks it was made by
 * this construction and this MAC key.
 *
 * Token: `tok_` + base64url (no padding) of IV(12) ‖ ciphertext ‖ tag(16). Reversal yields
 * the canonical form (`+8613800138000`), not the text as one system happened to store it.
 */
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import type { ValueShape } from './canonical-value';
import { canonicalForDeidentify } from './canonical-value';
import type { DeidentifyKeys } from './keys';

export const TOKEN_PREFIX = 'tok_';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds tokens to this scheme and version: a GCM ciphertext from elsewhere never verifies. */
const AAD = Buffer.from('privgraph/tokenize/v1', 'utf8');

type TokenKeys = Pick<DeidentifyKeys, 'tokenEncKey' | 'tokenMacKey'>;

/** A token that was not made by `tokenize` under these keys: altered, truncated, or foreign. */
export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

function syntheticIv(plaintext: Buffer, macKey: Buffer): Buffer {
  return createHmac('sha256', macKey).update(plaintext).digest().subarray(0, IV_BYTES);
}

/** The token of an already-canonical text. */
export function tokenizeCanonical(canonical: string, keys: TokenKeys): string {
  const plaintext = Buffer.from(canonical, 'utf8');
  const iv = syntheticIv(plaintext, keys.tokenMacKey);
  const cipher = createCipheriv('aes-256-gcm', keys.tokenEncKey, iv).setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const token = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
  return TOKEN_PREFIX + token.toString('base64url');
}

/** The token of `value` (null stays null). */
export function tokenizeValue(value: unknown, shape: ValueShape, keys: TokenKeys): string | null {
  const canonical = canonicalForDeidentify(value, shape);
  return canonical === null ? null : tokenizeCanonical(canonical, keys);
}

/** The canonical plaintext of a token made under `keys`; `InvalidTokenError` otherwise. */
export function detokenize(token: string, keys: TokenKeys): string {
  if (!token.startsWith(TOKEN_PREFIX))
    throw new InvalidTokenError(`it must start with ${TOKEN_PREFIX}`);
  const encoded = token.slice(TOKEN_PREFIX.length);
  const bytes = Buffer.from(encoded, 'base64url');
  // Node's decoder skips stray characters and ignores trailing bits; only the one canonical
  // encoding of the bytes is accepted, so no two texts reverse to the same value.
  if (bytes.toString('base64url') !== encoded) throw new InvalidTokenError('it is not base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new InvalidTokenError('it is too short');
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', keys.tokenEncKey, iv).setAAD(AAD);
  decipher.setAuthTag(tag);
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new InvalidTokenError('it was altered or made under another key');
  }
  if (!timingSafeEqual(syntheticIv(plaintext, keys.tokenMacKey), iv)) {
    throw new InvalidTokenError('its IV does not match its content (another MAC key?)');
  }
  return plaintext.toString('utf8');
}

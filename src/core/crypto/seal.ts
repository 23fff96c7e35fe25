/**
 * Sealing what the gateway keeps about a person in its own store (SPEC §6: export packages
 * "stored encrypted"; the same for a request's seed identity, a correction's new value and
 * an erasure plan's row keys): AES-256-GCM with a random 96-bit nonce under a key kept
 * outside the store, so a copy of the database alone reveals nothing. `aad` binds a sealed
 * value to its place (a request id), so a ciphertext moved to another row does not open.
 *
 * Layout: version byte (1) ‖ nonce (12) ‖ tag (16) ‖ ciphertext.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;

export class SealError extends Error {
  override readonly name = 'SealError';
}

/** A 32-byte sealing key derived (HKDF-SHA-256) from deployment key material, so the
 * sealing key is independent of the key it comes from. */
export function deriveSealKey(material: Buffer, purpose: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', material, Buffer.alloc(0), `privgraph/seal/${purpose}`, 32),
  );
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 29 || sealed[0] !== VERSION)
    throw new SealError('sealed value has an unknown layout');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(13, 29));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  } catch {
    throw new SealError('sealed value does not open with this key (wrong key, or it was altered)');
  }
}

export const sealJson = (key: Buffer, value: unknown, aad: string): Buffer =>
  seal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad);

export const unsealJson = <T>(key: Buffer, sealed: Buffer, aad: string): T =>
  JSON.parse(unseal(key, sealed, aad).toString('utf8')) as T;

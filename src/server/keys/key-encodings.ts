/**
 * The textual forms of the deployment's keys, the same in an environment variable and in a
 * generated demo key file (so a demo key file's content can be copied into a variable as is,
 * and a bad value gets the same message from either place).
 */
import { randomBytes } from 'node:crypto';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
export const JWT_SECRET_MIN_BYTES = 32;
/** HMAC-SHA-256 and AES-256 keys: 256 bits. */
export const KEY_BYTES = 32;

/** A problem with one configured or stored key, naming where it came from. */
export class KeyConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the deployment's keys are not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KeyConfigurationError';
  }
}

/** The HS256 secret is the value's UTF-8 bytes (what every JWT library does with a string). */
export function jwtSecretBytes(value: string, source: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length < JWT_SECRET_MIN_BYTES)
    throw new KeyConfigurationError([
      `${source} is ${bytes.length} bytes; an HS256 secret needs at least ${JWT_SECRET_MIN_BYTES} ` +
        '(RFC 7518 §3.2). Generate one with: openssl rand -base64 32',
    ]);
  return bytes;
}

/** A binary key as base64 (standard or URL-safe alphabet) of exactly `KEY_BYTES` bytes. */
export function base64KeyBytes(value: string, source: string): Buffer {
  const text = value.trim();
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : null;
  if (bytes === null || bytes.length !== KEY_BYTES)
    throw new KeyConfigurationError([
      `${source} must be ${KEY_BYTES} random bytes in base64` +
        (bytes === null ? ' (it is not base64)' : ` (it decodes to ${bytes.length} bytes)`) +
        '. Generate one with: openssl rand -base64 32',
    ]);
  return bytes;
}

export function newJwtSecret(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

export function newBase64Key(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * The secrets behind `hash` and `tokenize` (SPEC §4.5: "keys come from configuration, never
 * from code"). The core only receives them as parameters; loading them (and generating the
 * demo's into the data directory) is the server's job.
 *
 * Three independent keys, because each one's output would otherwise leak the other's: if
 * the hash key were the token MAC key, a token's synthetic IV would be the first 12 bytes of
 * the field's hash, linking pseudonymous hashes to reversible tokens.
 */
import { hkdfSync } from 'node:crypto';

export const DEIDENTIFY_KEY_BYTES = 32;

export interface DeidentifyKeys {
  /** HMAC-SHA-256 key of `hash`. */
  readonly hashKey: Buffer;
  /** AES-256-GCM key of `tokenize`. */
  readonly tokenEncKey: Buffer;
  /** HMAC-SHA-256 key deriving a token's synthetic IV (and checking it on reversal). */
  readonly tokenMacKey: Buffer;
}

/** Thrown for a key of the wrong size: a configuration mistake, never a decision. */
export class DeidentifyKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeidentifyKeyError';
  }
}

/** HKDF's `info` labels: one key per use, and a version so a new scheme can take new keys. */
const INFO = {
  hashKey: 'privgraph/deidentify/hash/v1',
  tokenEncKey: 'privgraph/deidentify/tokenize-enc/v1',
  tokenMacKey: 'privgraph/deidentify/tokenize-mac/v1',
} as const;

/**
 * All three keys from one 32-byte master secret (HKDF-SHA-256, RFC 5869), so a deployment
 * configures and rotates a single value. The salt is fixed: the master is already uniformly
 * random, and HKDF's `info` separates the uses.
 */
export function deriveDeidentifyKeys(master: Buffer): DeidentifyKeys {
  if (master.length < DEIDENTIFY_KEY_BYTES) {
    throw new DeidentifyKeyError(
      `the de-identification master key has ${master.length} bytes; it needs at least ${DEIDENTIFY_KEY_BYTES}`,
    );
  }
  const derive = (info: string): Buffer =>
    Buffer.from(hkdfSync('sha256', master, 'privgraph', info, DEIDENTIFY_KEY_BYTES));
  return {
    hashKey: derive(INFO.hashKey),
    tokenEncKey: derive(INFO.tokenEncKey),
    tokenMacKey: derive(INFO.tokenMacKey),
  };
}

/** Refuses keys of the wrong size before the first value is processed with them. */
export function checkDeidentifyKeys(keys: DeidentifyKeys): DeidentifyKeys {
  for (const name of ['hashKey', 'tokenEncKey', 'tokenMacKey'] as const) {
    if (keys[name].length !== DEIDENTIFY_KEY_BYTES) {
      throw new DeidentifyKeyError(
        `${name} has ${keys[name].length} bytes; it must have ${DEIDENTIFY_KEY_BYTES}`,
      );
    }
  }
  return keys;
}

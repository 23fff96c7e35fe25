/**
 * The `random` erasure strategy's values (SPEC §6: "rewrite the field (`null`, mask, hash,
 * random string) where the row must survive"; "a random rewrite is recorded so a rerun
 * recognises it"). The planner draws the value once, records it in the step, and marks it
 * `r_`, so a later plan recognises a field it already randomised instead of drawing again.
 */
import { randomBytes } from 'node:crypto';

export const RANDOM_PREFIX = 'r_';

/** A source of fresh random tokens (url-safe, at least 16 characters); injected so tests are
 * deterministic. */
export type RandomToken = () => string;

/** 128 bits from the operating system's CSPRNG, base64url: 22 characters. */
export const cryptoRandomToken: RandomToken = () => randomBytes(16).toString('base64url');

const RANDOMISED = /^r_[A-Za-z0-9_-]{16,}$/;

export function isRandomised(value: string): boolean {
  return RANDOMISED.test(value);
}

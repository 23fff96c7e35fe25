/**
 * Unique-looking numbers without remembering which were handed out: a keyed permutation of
 * 0..10^digits-1 (a four-round Feistel network over two halves of digits/2 digits each —
 * every round is invertible, so the whole is a bijection). Slot i always maps to the same
 * number under one key, two slots never to the same one, and consecutive slots look
 * unrelated, as phone numbers and e-mail suffixes of unrelated people do.
 */

function mix(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A bijection of [0, 10^digits) for even `digits` ≤ 14, keyed by `key`. */
export function permuteDigits(value: number, digits: number, key: number): number {
  if (digits % 2 !== 0 || digits > 14)
    throw new Error('permuteDigits: digits must be even and at most 14');
  const half = 10 ** (digits / 2);
  if (!Number.isInteger(value) || value < 0 || value >= half * half)
    throw new Error(`permuteDigits: ${value} out of range`);
  let left = Math.floor(value / half);
  let right = value % half;
  for (let round = 0; round < 4; round++) {
    const f = mix((right + Math.imul(key ^ round, 0x9e3779b1)) >>> 0) % half;
    [left, right] = [right, (left + f) % half];
  }
  return left * half + right;
}

/** 8 hex digits no other `seq` < 2^32 gets (multiplying by an odd constant is a bijection
 * mod 2^32): a suffix that makes random-looking ids unique without a lookup. */
export function uniqueHex8(seq: number): string {
  return (Math.imul(seq, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
}

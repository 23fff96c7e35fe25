/**
 * The keyed hash that names a data subject in the gateway's store (consent, audit) without
 * storing the raw identity (SPEC §7: "keyed hash, not the raw identity"). The key is the
 * deployment's hash key, kept outside the store, so the table alone cannot be reversed by
 * hashing every phone number.
 */
import { createHmac } from 'node:crypto';

export function subjectKey(hashKey: Buffer, kind: string, canonicalValue: string): string {
  const digest = createHmac('sha256', hashKey)
    .update(`${kind}\u0000${canonicalValue}`, 'utf8')
    .digest('hex');
  return `${kind}:${digest}`;
}

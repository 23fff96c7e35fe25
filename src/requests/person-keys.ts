/**
 * How the store names a person (SPEC §7): keyed hashes of their canonical, non-shared
 * identities — every one the traversal found, so the request is found later from any of
 * them ("who accessed my data", "which requests are about me").
 */
import { subjectKey } from '../core/identity/subject-key';
import type { FoundIdentity } from '../core/traversal/subject-graph';
import type { SeedIdentity } from '../core/traversal/resolve-subjects';

export function personKeys(
  hashKey: Buffer,
  identities: readonly FoundIdentity[],
  seed?: SeedIdentity,
): string[] {
  const keys = new Set<string>();
  if (seed) keys.add(subjectKey(hashKey, seed.kind, seed.value));
  for (const identity of identities)
    if (!identity.shared) keys.add(subjectKey(hashKey, identity.kind, identity.value));
  return [...keys].sort();
}

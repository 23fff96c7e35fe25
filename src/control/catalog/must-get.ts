/**
 * Lookups the validated data map guarantees (every category, identity kind, purpose, legal
 * basis and reference target a map names exists: `validate-data-map.ts`). A miss is an
 * impossible state — a bug, not bad input — so it throws instead of inventing a value.
 */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined)
    throw new Error(`invariant: the validated data map names an unknown ${what} '${String(key)}'`);
  return value;
}

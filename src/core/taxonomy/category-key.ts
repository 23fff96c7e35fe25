/**
 * Data category keys are dotted paths in one taxonomy tree (SPEC §2): a rule on
 * `user.contact` covers `user.contact.email` and everything else below it. These helpers
 * are the only place that knows how the dots work, so the policy engine, the linter and
 * the data-map validator all agree on what "below" means.
 */

/** One segment of a key: fideslang's FidesKey alphabet (letters, digits, underscore). */
const SEGMENT = /^[A-Za-z0-9_]+$/;

/** True when `key` is a well-formed dotted key: non-empty segments, no stray dots. */
export function isWellFormedCategoryKey(key: string): boolean {
  return key.length > 0 && key.split('.').every((segment) => SEGMENT.test(segment));
}

/**
 * True when `category` is `ancestor` or lies below it. Matching is on whole segments:
 * `user.contact` covers `user.contact.email` but not `user.contactless`, which a plain
 * string prefix test would wrongly include.
 */
export function isCategoryWithin(category: string, ancestor: string): boolean {
  if (category === ancestor) return true;
  return category.startsWith(ancestor) && category.charAt(ancestor.length) === '.';
}

/**
 * How deep a key sits in the tree (`user` → 1, `user.contact.email` → 3). The policy
 * engine's "most specific matching rule wins" compares these numbers.
 */
export function categorySpecificity(key: string): number {
  return key.length === 0 ? 0 : key.split('.').length;
}

/** The key one level up (`user.contact.email` → `user.contact`); undefined for a root. */
export function parentCategory(key: string): string | undefined {
  const dot = key.lastIndexOf('.');
  return dot < 0 ? undefined : key.slice(0, dot);
}

/** Every ancestor of `key`, nearest first, excluding `key` itself. */
export function categoryAncestors(key: string): string[] {
  const ancestors: string[] = [];
  for (let parent = parentCategory(key); parent !== undefined; parent = parentCategory(parent)) {
    ancestors.push(parent);
  }
  return ancestors;
}

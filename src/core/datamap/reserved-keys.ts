/**
 * `__proto__` cannot be a name in the map: assigning it on a plain JavaScript object sets
 * the prototype instead of adding a key, so a system (or field) of that name would vanish
 * without a word somewhere between the parser and the model — a silent gap in a DSAR.
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';

const RESERVED = '__proto__';

export function findReservedKeys(
  tree: unknown,
  path: readonly (string | number)[] = [],
): DataMapIssue[] {
  if (Array.isArray(tree))
    return tree.flatMap((item, index) => findReservedKeys(item, [...path, index]));
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) =>
    key === RESERVED
      ? [issue([...path, key], `'${RESERVED}' cannot be used as a name`, 'choose another name')]
      : findReservedKeys(value, [...path, key]),
  );
}

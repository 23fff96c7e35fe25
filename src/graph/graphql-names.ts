/**
 * GraphQL names derived from data-map keys (GraphQL spec §2.1.9: a letter or `_`, then letters, digits, `_`).
 * A key that is already a valid name is used as is. Otherwise every other ASCII character
 * becomes `_`, every non-ASCII character becomes `_u` + its code point in upper-case hex
 * (`会员` → `_u4F1A_u5458`), a leading digit gets a `_` prefix and a leading `__` (reserved
 * for introspection) an `x` prefix. The form is stable: it depends on the key alone, so a
 * client's queries survive unrelated map changes. A map entry may set `graphqlName` instead.
 * Collisions are resolved by `NameAllocator` in map order with `_2`, `_3`… suffixes.
 */

const VALID = /^[_A-Za-z][_0-9A-Za-z]*$/;

export function toGraphqlName(key: string): string {
  let name = '';
  for (const char of key) {
    if (/[_0-9A-Za-z]/.test(char)) name += char;
    else if (char.charCodeAt(0) < 128) name += '_';
    else name += `_u${char.codePointAt(0)?.toString(16).toUpperCase()}`;
  }
  if (name === '' || /^[0-9]/.test(name)) name = `_${name}`;
  if (name.startsWith('__')) name = `x${name}`;
  return name;
}

export function isValidGraphqlName(name: string): boolean {
  return VALID.test(name) && !name.startsWith('__');
}

/** `accounts` → `Accounts`, `user_devices` → `UserDevices`, `_u4F1A` → `U4F1A`. */
export function toTypeName(name: string): string {
  const pascal = name
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
  return pascal === '' || /^[0-9]/.test(pascal) ? `T${pascal}` : pascal;
}

/** Hands out unique names in a namespace, in a deterministic order. */
export class NameAllocator {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }

  allocate(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}_${n}`;
    this.taken.add(name);
    return name;
  }
}

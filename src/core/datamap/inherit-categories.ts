/**
 * A reference holds its target's values, so it holds its target's kind of personal data
 * (docs/data-map.md): `orders.customer_id → customers.id` is the customer's id whether or not
 * the map says so again. A reference field without its own `category` therefore takes the
 * category of the field it references, following a chain of references until a field that
 * declares one. Done once, on the normalised model, so policy decisions, de-identification,
 * the review (explain, matrix, lint, diff), exports and erasure all see the same category —
 * an uncategorised reference would otherwise be "not personal" (SPEC §4.3) and served raw to
 * a role the target's category denies or hashes.
 *
 * The same walk records the identity kind a reference's values are of (`heldIdentity`), so a
 * hashed or tokenized reference takes the canonical form its target does and pseudonymous
 * joins still work (SPEC §4.5). A broken reference or a cycle of uncategorised references
 * inherits nothing; the reference check reports the former.
 */
import type { FieldAddress, FieldDef, SystemDef } from './model';
import { formatFieldAddress } from './model';

interface Inherited {
  readonly category?: { readonly key: string; readonly from: FieldAddress };
  readonly identity?: string;
}

export function inheritReferenceCategories(systems: readonly SystemDef[]): SystemDef[] {
  const fields = new Map<string, FieldDef>();
  for (const system of systems)
    for (const collection of system.collections)
      for (const field of collection.fields) fields.set(formatFieldAddress(field.address), field);

  const memo = new Map<string, Inherited>();
  const resolve = (field: FieldDef, visiting: Set<string>): Inherited => {
    const address = formatFieldAddress(field.address);
    const known = memo.get(address);
    if (known) return known;
    const own: Inherited = {
      ...(field.category === undefined
        ? {}
        : { category: { key: field.category, from: field.address } }),
      ...(field.identity === undefined ? {} : { identity: field.identity }),
    };
    const target = field.references && fields.get(formatFieldAddress(field.references));
    if ((own.category && own.identity) || !target || visiting.has(address)) {
      memo.set(address, own);
      return own;
    }
    visiting.add(address);
    const next = resolve(target, visiting);
    visiting.delete(address);
    const result: Inherited = {
      ...((own.category ?? next.category) ? { category: own.category ?? next.category } : {}),
      ...((own.identity ?? next.identity) ? { identity: own.identity ?? next.identity } : {}),
    };
    memo.set(address, result);
    return result;
  };

  return systems.map((system) => ({
    ...system,
    collections: system.collections.map((collection) => ({
      ...collection,
      fields: collection.fields.map((field): FieldDef => {
        if (field.references === undefined) return field;
        const inherited = resolve(field, new Set());
        const category =
          field.category === undefined && inherited.category
            ? { category: inherited.category.key, categoryFrom: inherited.category.from }
            : {};
        const held =
          field.identity === undefined && inherited.identity !== undefined
            ? { heldIdentity: inherited.identity }
            : {};
        return { ...field, ...category, ...held };
      }),
    })),
  }));
}

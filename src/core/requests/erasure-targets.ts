/**
 * The values a surviving row's personal fields are rewritten to (SPEC §6: "rewrite the field
 * (`null`, mask, hash, random string) where the row must survive"). A field's own `erasure`
 * strategy decides; a field with a category but none is nulled (a reference whose category is
 * only inherited is kept: `erasureStrategyOf`); a field without a category
 * holds no personal data and is kept; primary-key fields are never rewritten (the row must
 * stay addressable, and other rows may point at it).
 *
 * Values are computed when the plan is made, from the row's current values, and recorded in
 * the step, so executing it again writes the same values (idempotent). A field that already
 * holds its target is left out; so is one that already holds a value of its strategy's form
 * (`h_…` for hash, `r_…` for random), which a second plan must not hash or draw again.
 *
 * `mask`, `hash` and `random` produce text: on a column that is not text (a date, a number,
 * a uuid) they fall back to `null`, the one value such a column can take that says nothing.
 * Writing null to a NOT NULL column is a problem that refuses the plan, naming the field and
 * the fix, rather than a failed transaction halfway through a source.
 */
import type { DeidentifyKeys } from '../deidentify/keys';
import { HASH_PREFIX, hashValue } from '../deidentify/hash';
import { maskValue } from '../deidentify/mask';
import type { FieldDef, FieldErasure, FieldType } from '../datamap/model';
import { valueText } from '../identity/canonical';
import type { SourceRow } from '../traversal/source-row';
import type { CollectionNode } from '../traversal/traversal-graph';
import type { RandomToken } from './random-text';
import { isRandomised, RANDOM_PREFIX } from './random-text';

/** What the source says about a column (its catalogue; a service's declared types):
 * undefined when unknown, then the map's declared type holds and the column is taken to
 * accept null. */
export type ColumnFacts = (
  collectionAddress: string,
  fieldKey: string,
) => { readonly type?: FieldType; readonly nullable: boolean } | undefined;

export interface TargetContext {
  readonly columns: ColumnFacts;
  readonly keys: DeidentifyKeys;
  readonly random: RandomToken;
}

export interface RewriteTargets {
  /** Every personal field's target value, whether or not it already holds it. */
  readonly targets: Record<string, string | null>;
  /** The fields whose value changes, and to what. */
  readonly set: Record<string, string | null>;
  readonly strategies: Record<string, FieldErasure>;
  readonly problems: string[];
}

const HASHED = new RegExp(`^${HASH_PREFIX}[0-9a-f]{64}$`);

export function erasureTargets(
  node: CollectionNode,
  row: SourceRow,
  context: TargetContext,
): RewriteTargets {
  const result: RewriteTargets = { targets: {}, set: {}, strategies: {}, problems: [] };
  for (const field of node.def.fields) {
    const strategy = erasureStrategyOf(field);
    if (strategy === undefined || node.def.primaryKey.includes(field.key)) continue;
    const facts = context.columns(node.address, field.key);
    const type = facts?.type ?? field.type;
    const current = row[field.key];
    const text = type === 'string' || (type === undefined && typeof current === 'string');
    const target = text ? textTarget(node, field, strategy, current, context) : null;
    result.targets[field.key] = target;
    if (valueText(current) === target) continue;
    if (target === null && facts?.nullable === false) {
      result.problems.push(notNullProblem(node.address, field, strategy, text, type));
      continue;
    }
    result.set[field.key] = target;
    result.strategies[field.key] = strategy;
  }
  return result;
}

/**
 * A field's own `erasure` strategy; else `null` for a field with a category the map declares on
 * it. A reference whose category is inherited (`inherit-categories.ts`) keeps its value unless
 * the map gives it a strategy: the row it points at decides — deleted by the same plan, the
 * plan is refused until the map says how to erase the reference (`keep-referenced.ts`);
 * rewritten, the reference points at an anonymised row (a tax record's link to an erased
 * customer). Inheriting a category for reading must not make a NOT NULL key column unerasable.
 */
export function erasureStrategyOf(field: FieldDef): FieldErasure | undefined {
  if (field.erasure !== undefined) return field.erasure;
  return field.category === undefined || field.categoryFrom !== undefined ? undefined : 'null';
}

function textTarget(
  node: CollectionNode,
  field: FieldDef,
  strategy: FieldErasure,
  current: unknown,
  context: TargetContext,
): string | null {
  const value = valueText(current);
  if (value === null || strategy === 'null') return null;
  const shape = {
    category: field.category,
    identityFormat: node.identityCarriers.find((ref) => ref.field.key === field.key)?.kind.format,
  };
  switch (strategy) {
    case 'mask':
      return maskValue(value, shape);
    case 'hash':
      return HASHED.test(value) ? value : hashValue(value, shape, context.keys.hashKey);
    case 'random':
      return isRandomised(value) ? value : RANDOM_PREFIX + context.random();
  }
}

function notNullProblem(
  address: string,
  field: FieldDef,
  strategy: FieldErasure,
  text: boolean,
  type: FieldType | undefined,
): string {
  const where = `${address}.${field.key}`;
  const how = field.erasure === undefined ? ' (the default for a field with a category)' : '';
  if (text)
    return `${where} is NOT NULL but its erasure strategy "${strategy}"${how} writes null: set erasure: random or erasure: mask on the field in the data map`;
  return `${where} is a NOT NULL ${type ?? 'non-text'} column and "${strategy}"${how} can only write null to it: make the column nullable, or erase ${address} by deleting rows (erasure: delete)`;
}

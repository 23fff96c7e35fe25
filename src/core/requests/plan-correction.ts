/**
 * The correction plan (SPEC §6 "Correction: updates one category's value in every place that
 * holds it"; the seed policy §VIII.1; PIPL art. 46): one rewrite step per row of the person
 * with a field of exactly that category holding a value other than the new one. An empty
 * (null) field holds nothing to correct and stays empty: a correction adds no data where a
 * system had none (PIPL art. 6, minimisation).
 *
 * Only the person's own rows are corrected: a related row (a shared device, their
 * organisation) and a row someone else owns too (`find-other-owners.ts`) describe others as
 * well. And only the person's own values: a field holding an identity (a phone) is corrected
 * only where it holds one of the person's identities, and a row whose `shared` identity field
 * names someone else (a gift order's recipient phone) is partly that person's, so its other
 * fields of the category (the recipient's name) are left as they are too — both noted. Primary-key and reference fields are never rewritten, whatever their category: a new
 * key would cut the row off from the rows that point at it (they are listed in `notes`).
 * Corrections change no keys, so steps need no order beyond a deterministic one.
 */
import type { DataMap, FieldDef } from '../datamap/model';
import type { SourceRow } from '../traversal/source-row';
import { formatCollectionAddress, formatFieldAddress } from '../datamap/model';
import { canonicalIdentity, valueText } from '../identity/canonical';
import type { SubjectGraph } from '../traversal/subject-graph';
import type { OtherOwners } from './find-other-owners';
import type { RewriteStep, SourcePlan } from './model';
import { sortedRows } from './person-rows';
import { rowKeyValues } from './row-key-values';

export interface PlanCorrectionInput {
  readonly map: DataMap;
  /** The person, every field of every row read. */
  readonly rows: SubjectGraph;
  readonly shared: OtherOwners;
  /** A dotted category key; matched exactly (`user.contact.email`, not `user.contact`). */
  readonly category: string;
  readonly value: string;
}

export type CorrectionPlan =
  | {
      readonly ok: true;
      readonly sources: readonly SourcePlan[];
      /** Fields of the category that are not corrected, and why. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly error: string; readonly categories: readonly string[] };

export function planCorrection(input: PlanCorrectionInput): CorrectionPlan {
  const { map, category } = input;
  const fields = map.systems.flatMap((system) =>
    system.collections.flatMap((collection) =>
      collection.fields.map((field) => ({ system, collection, field })),
    ),
  );
  const categories = [...new Set(fields.flatMap(({ field }) => field.category ?? []))].sort();
  if (!categories.includes(category))
    return {
      ok: false,
      error: `no field of the data map holds category ${category}; the map's categories are: ${categories.join(', ')}`,
      categories,
    };

  const notes: string[] = [];
  const sources: SourcePlan[] = [];
  const own = new Set(input.rows.identities.map((i) => `${i.kind}\u0000${i.value}`));
  for (const system of map.systems) {
    const steps: RewriteStep[] = [];
    for (const collection of system.collections) {
      const address = formatCollectionAddress(collection.address);
      const writable = collection.fields.filter((field) => {
        if (field.category !== category) return false;
        const where = formatFieldAddress(field.address);
        if (!system.source) notes.push(`${where} is in a system that cannot be queried`);
        else if (collection.primaryKey.includes(field.key))
          notes.push(`${where} is part of the primary key`);
        else if (field.references) notes.push(`${where} is a reference`);
        else return true;
        return false;
      });
      if (writable.length === 0) continue;
      for (const found of sortedRows(input.rows.rows.get(address) ?? [])) {
        if (found.role !== 'subject' || input.shared.get(address)?.has(found.key)) continue;
        const namesAnother = sharedFieldNamingAnother(collection.fields, found.row);
        const stale = writable.filter((field) => {
          const current = valueText(found.row[field.key]);
          if (current === null || current === input.value) return false;
          const where = `${formatFieldAddress(field.address)} of row ${found.key}`;
          const held = holdsAnothersIdentity(field, found.row);
          if (held) notes.push(`${where} holds another person's ${held}`);
          else if (namesAnother)
            notes.push(`${where} is on a row naming another person (${namesAnother})`);
          return !held && !namesAnother;
        });
        if (stale.length === 0) continue;
        steps.push({
          kind: 'rewrite',
          collection: address,
          key: rowKeyValues(collection, found.row),
          set: Object.fromEntries(stale.map((field) => [field.key, input.value])),
          strategies: Object.fromEntries(stale.map((field) => [field.key, 'correct' as const])),
        });
      }
    }
    if (steps.length > 0) sources.push({ system: system.key, steps });
  }
  return { ok: true, sources, notes };

  /** The kind of identity `field` holds on `row` when the value is not one of the person's. */
  function holdsAnothersIdentity(field: FieldDef, row: SourceRow): string | undefined {
    const kind = field.identity === undefined ? undefined : map.identities.get(field.identity);
    if (!kind) return undefined;
    const value = canonicalIdentity(kind.format, row[field.key]);
    return value === null || own.has(`${kind.name}\u0000${value}`) ? undefined : kind.name;
  }

  /** A field declared `shared` that names someone other than the person on `row`. */
  function sharedFieldNamingAnother(
    fields: readonly FieldDef[],
    row: SourceRow,
  ): string | undefined {
    for (const field of fields) {
      if (!field.shared) continue;
      const held = holdsAnothersIdentity(field, row);
      if (held) return formatFieldAddress(field.address);
    }
    return undefined;
  }
}

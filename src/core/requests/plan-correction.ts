/**
 * The correction plan (SPEC §6 "Correction: updates one category's value in every place that
 * holds it"; the seed policy §VIII.1; PIPL art. 46): one rewrite step per row of the person
 * with a field of exactly that category holding a value other than the new one. An empty
 * (null) field holds nothing to correct and stays empty: a correction adds no data where a
 * system had none (PIPL art. 6, minimisation).
 *
 * Only the person's own rows are corrected: a related row (a shared device, their
 * organisation) and a row someone else owns too (`find-other-owners.ts`) describe others as
 * well. Primary-key and reference fields are never rewritten, whatever their category: a new
 * key would cut the row off from the rows that point at it (they are listed in `notes`).
 * Corrections change no keys, so steps need no order beyond a deterministic one.
 */
import type { DataMap } from '../datamap/model';
import { formatCollectionAddress, formatFieldAddress } from '../datamap/model';
import { valueText } from '../identity/canonical';
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
        const stale = writable.filter((field) => {
          const current = valueText(found.row[field.key]);
          return current !== null && current !== input.value;
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
}

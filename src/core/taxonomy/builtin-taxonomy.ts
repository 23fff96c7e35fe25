/**
 * The taxonomy every data map starts from (SPEC §2): Fideslang's data categories plus the
 * few privgraph adds. A map extends it under `categories:` (see `buildTaxonomy`).
 */
import type { CategoryDef } from '../datamap/model';
import { FIDESLANG_CATEGORIES } from './fideslang-categories';
import { PRIVGRAPH_CATEGORIES } from './privgraph-categories';
import type { TaxonomyEntry } from './taxonomy-entry';

export const BUILTIN_CATEGORIES: readonly TaxonomyEntry[] = [
  ...FIDESLANG_CATEGORIES,
  ...PRIVGRAPH_CATEGORIES,
];

/** The root keys: every category lies below one of these. */
export const ROOT_CATEGORIES: readonly string[] = ['user', 'system'];

let builtin: ReadonlyMap<string, CategoryDef> | undefined;

/** The built-in taxonomy keyed by category key; built once, shared, never mutated. */
export function builtinTaxonomy(): ReadonlyMap<string, CategoryDef> {
  builtin ??= new Map(
    BUILTIN_CATEGORIES.map((entry): [string, CategoryDef] => [
      entry.key,
      { key: entry.key, name: entry.name, description: entry.description, builtIn: true },
    ]),
  );
  return builtin;
}

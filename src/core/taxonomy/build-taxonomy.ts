/**
 * A data map may extend the built-in taxonomy (`categories: { user.workplace.task: … }`).
 * An extension must hang under a category that already exists — built in or declared by
 * the same map — so that every rule written for an ancestor (`user.workplace`, `user`)
 * still covers it: a new root would be a category no policy rule could ever match, and
 * deny-by-default would silently hide it from everyone, including the DPO.
 */
import type { CategoryDef } from '../datamap/model';
import { builtinTaxonomy } from './builtin-taxonomy';
import { categorySpecificity, isWellFormedCategoryKey, parentCategory } from './category-key';

export interface CategoryExtension {
  readonly key: string;
  readonly name?: string;
  readonly description?: string;
}

export interface TaxonomyProblem {
  /** The extension's key, which is also where the problem is in the map. */
  readonly key: string;
  readonly message: string;
  readonly hint: string;
}

export interface TaxonomyBuild {
  /** Built-ins plus every extension that was valid. */
  readonly categories: ReadonlyMap<string, CategoryDef>;
  readonly problems: readonly TaxonomyProblem[];
}

export function buildTaxonomy(extensions: readonly CategoryExtension[]): TaxonomyBuild {
  const categories = new Map(builtinTaxonomy());
  const problems: TaxonomyProblem[] = [];
  // Shallow keys first, so an extension may hang under another extension of the same map
  // whatever order the file lists them in.
  const ordered = [...extensions].sort(
    (a, b) => categorySpecificity(a.key) - categorySpecificity(b.key),
  );
  for (const extension of ordered) {
    const problem = checkExtension(extension, categories);
    if (problem) {
      problems.push(problem);
      continue;
    }
    categories.set(extension.key, {
      key: extension.key,
      name: extension.name ?? extension.key,
      ...(extension.description !== undefined ? { description: extension.description } : {}),
      builtIn: false,
    });
  }
  return { categories, problems };
}

function checkExtension(
  { key }: CategoryExtension,
  known: ReadonlyMap<string, CategoryDef>,
): TaxonomyProblem | undefined {
  if (!isWellFormedCategoryKey(key)) {
    return {
      key,
      message: `category key '${key}' is not a dotted key`,
      hint: 'use dot-separated segments of letters, digits and underscores, e.g. user.workplace.task',
    };
  }
  const existing = known.get(key);
  if (existing) {
    return {
      key,
      message: `category '${key}' is ${existing.builtIn ? 'built in' : 'declared twice'}`,
      hint: 'remove this declaration, or choose a new key below it',
    };
  }
  const parent = parentCategory(key);
  if (parent === undefined) {
    return {
      key,
      message: `category '${key}' would be a new root`,
      hint: `declare it below an existing category, e.g. user.${key}`,
    };
  }
  if (!known.has(parent)) {
    return {
      key,
      message: `category '${key}' extends '${parent}', which is not a known category`,
      hint: `declare '${parent}' too, or hang '${key.slice(parent.length + 1)}' under an existing category`,
    };
  }
  return undefined;
}

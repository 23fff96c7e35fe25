/**
 * A row's stable identity inside one collection: its primary-key values in key order, each
 * in canonical text form. Used to deduplicate rows found along several paths, to compare
 * the graph with a generator's ground truth, and (later) to name the rows of an erasure plan.
 */
import type { CollectionDef } from '../datamap/model';
import { valueText } from '../identity/canonical';

export function rowKeyOf(primaryKey: readonly unknown[]): string {
  return JSON.stringify(primaryKey.map((value) => valueText(value)));
}

export function rowKey(collection: CollectionDef, row: Readonly<Record<string, unknown>>): string {
  return rowKeyOf(collection.primaryKey.map((field) => row[field]));
}

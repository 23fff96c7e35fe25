/**
 * A row's primary key as a plan records it (SPEC §6: "the plan, with the concrete row keys of
 * every step, is persisted before the first write"): field key → a JSON-safe scalar, so the
 * persisted plan names exactly the rows the traversal found, and `rowKeyOfValues` turns it back
 * into the traversal's row key (`src/core/traversal/row-key.ts`) to compare with a new traversal.
 */
import type { CollectionDef } from '../datamap/model';
import { valueText } from '../identity/canonical';
import { rowKeyOf } from '../traversal/row-key';
import type { SourceRow } from '../traversal/source-row';
import type { RowKeyValues } from './model';

/** A value as JSON can carry it without loss of identity: strings, finite numbers and
 * booleans as they are; anything else (bigint, Date, bytes) in its canonical text. */
export function jsonScalar(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return valueText(value);
}

export function rowKeyValues(def: CollectionDef, row: SourceRow): RowKeyValues {
  return Object.fromEntries(def.primaryKey.map((field) => [field, jsonScalar(row[field])]));
}

/** The traversal's row key of a recorded key: the same text for the same row. */
export function rowKeyOfValues(def: CollectionDef, key: RowKeyValues): string {
  return rowKeyOf(def.primaryKey.map((field) => key[field]));
}

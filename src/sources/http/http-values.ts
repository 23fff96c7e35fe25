/**
 * JSON values ⇄ the values every connector hands the graph. A service has no catalogue, so
 * the map's field `type:` says what an attribute holds, and values are shaped as the
 * PostgreSQL connector shapes them (64-bit integers and decimals as exact strings, instants
 * as `Date`, dates as `YYYY-MM-DD`, bytes as `Buffer`): the graph, de-identification and
 * the traversal then treat rows alike whichever kind of source they came from.
 */
import type { CollectionDef, FieldDef, FieldType } from '../../core/datamap/model';
import type { SourceRow } from '../connector';
import { BORN_AFTER_PREFIX } from '../connector';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** A value as JSON gives it → the declared type's value (left as is when it is not one:
 * the graph then reports that field, rather than the connector guessing). */
export function fromJson(type: FieldType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'bigint':
    case 'decimal':
      // JSON numbers are doubles: a service should send these as strings to keep them exact.
      return typeof value === 'number' ? String(value) : value;
    case 'int':
    case 'float':
      return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
        ? Number(value)
        : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) ? value.slice(0, 10) : value;
    case 'datetime': {
      if (typeof value !== 'string' && typeof value !== 'number') return value;
      const instant = new Date(value);
      return Number.isNaN(instant.getTime()) ? value : instant;
    }
    case 'bytes':
      return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
    case 'json':
      return value;
    case 'string':
    case 'uuid':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A value being written → JSON (the reverse of `fromJson`). */
export function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return String(value);
  return value ?? null;
}

/** The service's attribute names are the map's `column:`s; rows are keyed by field key. */
export function projectRow(
  raw: Readonly<Record<string, unknown>>,
  collection: CollectionDef,
  keys: readonly string[],
  bornAfter: string | undefined,
): SourceRow {
  const row: SourceRow = {};
  for (const key of keys) {
    if (key.startsWith(BORN_AFTER_PREFIX)) {
      const dated = fieldOf(collection, key.slice(BORN_AFTER_PREFIX.length));
      row[key] = dated ? bornAfterFlag(raw[dated.column], bornAfter) : null;
      continue;
    }
    const field = fieldOf(collection, key);
    if (field) row[key] = fromJson(field.type ?? 'string', raw[field.column]);
  }
  return row;
}

function fieldOf(collection: CollectionDef, key: string): FieldDef | undefined {
  return collection.fields.find((f) => f.key === key);
}

/**
 * `born_after.<field>` (connector.ts): a service cannot compute it, and always sends the
 * whole row, so the flag is computed here and the date itself is dropped unless the query
 * asked for it — as the PostgreSQL connector's `(dob::date > $2::date)`, null for no date.
 */
function bornAfterFlag(value: unknown, bornAfter: string | undefined): boolean | null {
  if (bornAfter === undefined) return null;
  const date =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string' && ISO_DATE.test(value)
        ? value
        : null;
  return date === null ? null : date.slice(0, 10) > bornAfter;
}

/**
 * Values as a JSON document carries them, and one canonical text of such a document: object
 * keys sorted by UTF-16 code units, no whitespace, numbers and strings as ECMAScript's
 * `JSON.stringify` writes them — the JSON Canonicalization Scheme (RFC 8785) for the values
 * the sources return — so the same content always has the same bytes and the same hash.
 */
import { valueText } from '../identity/canonical';

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A source value as JSON: scalars as they are (a non-finite number or a bigint as text),
 * instants as ISO text, bytes as hex (`valueText`), arrays and objects (json columns) deeply. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  return valueText(value);
}

/** The canonical text of a JSON document; properties whose value is undefined are left out,
 * as `JSON.stringify` leaves them out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

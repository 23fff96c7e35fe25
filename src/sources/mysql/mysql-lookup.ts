/**
 * The one statement of a batched MySQL lookup (SPEC §5): `WHERE col IN (?, …)` with every
 * value bound, identifiers from the map escaped by `mysql2`'s `escapeId`. Comparisons mean
 * what they mean on PostgreSQL: canonical forms through `canonical-sql.ts`, strings byte for
 * byte (see `exactText`), and a canonical form is read from a generated column holding the
 * same expression when the table has one, so the lookup is an index lookup.
 */
import { escapeId } from 'mysql2';
import type { CollectionDef, FieldDef, FieldType } from '../../core/datamap/model';
import type { ColumnDescription, LookupRequest } from '../connector';
import { BORN_AFTER_PREFIX } from '../connector';
import {
  canonicalExpressionMysql,
  comparesExactly,
  exactText,
  sameExpression,
} from './canonical-sql';
import { isTextualMysql } from './mysql-types';

/** What `describe` learns of a column beyond the interface's description; `collation` and
 * `generation` are unknown (undefined) for a column learnt from a stored description. */
export interface MysqlColumn extends ColumnDescription {
  readonly collation?: string | null;
  readonly generation?: string | null;
}

export interface LookupStatement {
  readonly text: string;
  /** How many `?` of the select list take the `bornAfter` date (they come first). */
  readonly bornAfterSlots: number;
  /** Whether the padded values are bound a second time, for the exact comparison. */
  readonly valuesTwice: boolean;
  /** The type each selected key's values are normalised by (`born_after.*` are booleans). */
  readonly types: ReadonlyMap<string, FieldType | undefined>;
}

export interface LookupContext {
  readonly table: string;
  column(field: FieldDef): MysqlColumn | undefined;
  /** Every described column of the collection's table (for generated columns). */
  columns(): readonly MysqlColumn[];
}

/** One identifier quoted by `mysql2`, never split at dots (`born_after.x` is one alias). */
export const quoteId = (name: string): string => escapeId(name, true);

/** `IN` lists are padded (by repeating the last value) to the next power of two: a prepared
 * statement then serves every batch size up to it, and the server keeps few of them. */
export function paddedLength(count: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, count)));
}

export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

export function buildLookupStatement(
  request: LookupRequest,
  context: LookupContext,
  slots: number,
): LookupStatement {
  const { collection, field } = request;
  const keys = request.fields.includes(field.key) ? request.fields : [...request.fields, field.key];
  const byKey = new Map(collection.fields.map((f) => [f.key, f]));
  const types = new Map<string, FieldType | undefined>();
  let bornAfterSlots = 0;
  const select = keys.map((key) => {
    if (!key.startsWith(BORN_AFTER_PREFIX)) {
      const selected = byKey.get(key);
      types.set(key, selected && (context.column(selected)?.type ?? selected.type));
      return `${quoteId(selected?.column ?? key)} AS ${quoteId(key)}`;
    }
    types.set(key, 'boolean');
    const dated = byKey.get(key.slice(BORN_AFTER_PREFIX.length));
    if (!dated) return `NULL AS ${quoteId(key)}`;
    bornAfterSlots++;
    return `(CAST(${quoteId(dated.column)} AS DATE) > CAST(? AS DATE)) AS ${quoteId(key)}`;
  });
  const where = whereClause(request, context, slots);
  return {
    text: `SELECT ${select.join(', ')} FROM ${context.table} WHERE ${where.text}`,
    bornAfterSlots,
    valuesTwice: where.twice,
    types,
  };
}

function whereClause(
  request: LookupRequest,
  context: LookupContext,
  slots: number,
): { text: string; twice: boolean } {
  const list = `(${placeholders(slots)})`;
  const column = context.column(request.field);
  const quoted = quoteId(request.field.column);
  if (request.match !== 'exact') {
    const expression = canonicalExpressionMysql(request.match, quoted);
    const generated = context
      .columns()
      .find((c) => c.generation && sameExpression(c.generation, expression));
    if (!generated) return { text: `${exactText(expression)} IN ${list}`, twice: false };
    return inThenExact(quoteId(generated.column), generated, list);
  }
  const textual = column
    ? isTextualMysql(column.nativeType)
    : (request.field.type ?? 'string') === 'string';
  if (!textual) return { text: `${quoted} IN ${list}`, twice: false };
  return inThenExact(quoted, column, list);
}

/** `IN` under the column's own collation first (its index finds the candidates, a superset
 * of the exact matches), then the exact comparison when that collation is not exact. */
function inThenExact(
  quoted: string,
  column: MysqlColumn | undefined,
  list: string,
): { text: string; twice: boolean } {
  if (column && comparesExactly(column.collation))
    return { text: `${quoted} IN ${list}`, twice: false };
  return { text: `${quoted} IN ${list} AND ${exactText(quoted)} IN ${list}`, twice: true };
}

export function lookupCacheKey(request: LookupRequest, slots: number): string {
  const { collection, field, match, fields } = request;
  return [collection.key, field.key, match, slots, ...fields].join('\u0000');
}

export function qualifiedTable(database: string, collection: CollectionDef): string {
  return `${quoteId(database)}.${quoteId(collection.table)}`;
}

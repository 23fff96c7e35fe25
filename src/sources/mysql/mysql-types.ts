/**
 * MySQL/MariaDB column types → the map's scalar types, consistent with the PostgreSQL
 * connector (SPEC §5: the same GraphQL type whatever the source): 64-bit integers and
 * decimals as exact strings, dates as `YYYY-MM-DD`, date-times as UTC `Date`s, JSON as
 * values, binary as `Buffer`s, `TINYINT(1)` (what `BOOLEAN` is in MySQL) as booleans.
 */
import type { FieldType } from '../../core/datamap/model';

const BY_DATA_TYPE: Readonly<Record<string, FieldType>> = {
  tinyint: 'int',
  smallint: 'int',
  mediumint: 'int',
  int: 'int',
  integer: 'int',
  year: 'int',
  bigint: 'bigint',
  decimal: 'decimal',
  numeric: 'decimal',
  float: 'float',
  double: 'float',
  real: 'float',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  json: 'json',
  uuid: 'uuid',
  binary: 'bytes',
  varbinary: 'bytes',
  tinyblob: 'bytes',
  blob: 'bytes',
  mediumblob: 'bytes',
  longblob: 'bytes',
  bit: 'bytes',
};

const TEXTUAL = new Set([
  'char',
  'varchar',
  'tinytext',
  'text',
  'mediumtext',
  'longtext',
  'enum',
  'set',
]);

/**
 * `columnType` is `information_schema.columns.column_type` (`tinyint(1)`, `int(10) unsigned`):
 * the display width tells a boolean from a small integer, and an unsigned `INT` can exceed
 * GraphQL's signed 32-bit `Int`, so it is a `bigint` (an exact string) instead.
 */
export function fieldTypeOfMysql(dataType: string, columnType: string, isJson = false): FieldType {
  if (isJson) return 'json';
  const type = dataType.toLowerCase();
  if (type === 'tinyint' && /^tinyint\(1\)/i.test(columnType)) return 'boolean';
  if ((type === 'int' || type === 'integer') && /unsigned/i.test(columnType)) return 'bigint';
  return BY_DATA_TYPE[type] ?? 'string';
}

/** Whether a column's values are character strings (compared under a collation). */
export function isTextualMysql(nativeType: string): boolean {
  return TEXTUAL.has(nativeType.toLowerCase().replace(/[\s(].*$/, ''));
}

/**
 * A value read by `mysql2` in the form the PostgreSQL connector gives for the same type.
 * The pool's options already return BIGINT/DECIMAL as strings, DATE as text, DATETIME as
 * UTC dates and `TINYINT(1)` as booleans; this covers what options cannot: an unsigned INT
 * (a number) typed `bigint`, and JSON, which the pool leaves as text.
 */
export function normaliseMysqlValue(type: FieldType | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'bigint':
      return typeof value === 'number' ? String(value) : value;
    case 'boolean':
      return typeof value === 'number' ? value !== 0 : value;
    case 'json':
      return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    default:
      return value;
  }
}

/**
 * A lookup value, already accepted by `acceptsValue` for `type`, as the parameter to bind:
 * integers as `BigInt` (bound as 64-bit integers, never compared as doubles), booleans as
 * 1/0 (MySQL compares `'true'` with a `TINYINT` as 0), date-times as `Date`s (written in UTC).
 */
export function bindableMysqlValue(type: FieldType, value: string): unknown {
  switch (type) {
    case 'int':
    case 'bigint':
      return BigInt(value);
    case 'float':
      return Number(value);
    case 'boolean':
      return value === 'true' ? 1 : 0;
    case 'datetime':
      return new Date(value);
    default:
      return value;
  }
}

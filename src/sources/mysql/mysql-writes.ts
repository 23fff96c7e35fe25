/**
 * MySQL writes for rights requests (SPEC §6): update one row by primary key, delete rows by
 * primary keys in one statement — values bound, identifiers from the map escaped by
 * `mysql2`. Run on one pooled connection the connector holds inside a transaction.
 *
 * A key is matched exactly, as on PostgreSQL: a string key under a case- and
 * accent-insensitive collation could otherwise erase `ABC`'s row for `abc`; and a key that
 * cannot be of its column's type (`'7 OR 1=1'` for an integer) matches no row, where MySQL
 * would convert it to 7.
 */
import type { CollectionDef, FieldDef, FieldType } from '../../core/datamap/model';
import type { RowKeyValues, SourceTransaction } from '../connector';
import { acceptsValue } from '../field-values';
import { comparesExactly, exactText } from './canonical-sql';
import type { MysqlColumn } from './mysql-lookup';
import { paddedLength, quoteId } from './mysql-lookup';
import { bindableMysqlValue, isTextualMysql } from './mysql-types';

export interface MysqlWriteContext {
  tableName(collection: CollectionDef): string;
  column(collection: CollectionDef, field: FieldDef): MysqlColumn | undefined;
  /** Sends one statement on the transaction's connection; returns the rows it matched. */
  run(text: string, params: unknown[]): Promise<number>;
}

export function mysqlTransaction(context: MysqlWriteContext): SourceTransaction {
  return {
    async update(collection, key, changes) {
      const entries = Object.entries(changes);
      if (entries.length === 0) return 0;
      const keyParts = collection.primaryKey.map((name) => keyPart(context, collection, name, key));
      if (keyParts.some((part) => part.value === NO_MATCH)) return 0;
      const set = entries.map(([name]) => `${quoteId(fieldOf(collection, name).column)} = ?`);
      const where = keyParts.flatMap((part) =>
        part.exact
          ? [`${part.quoted} = ?`, `${exactText(part.quoted)} = ?`]
          : [`${part.quoted} = ?`],
      );
      return context.run(
        `UPDATE ${context.tableName(collection)} SET ${set.join(', ')} WHERE ${where.join(' AND ')}`,
        [
          ...entries.map(([, value]) => writableValue(value)),
          ...keyParts.flatMap((part) => (part.exact ? [part.value, part.value] : [part.value])),
        ],
      );
    },

    async delete(collection, keys) {
      const rows = keys
        .map((key) => collection.primaryKey.map((name) => keyPart(context, collection, name, key)))
        .filter((parts) => parts.every((part) => part.value !== NO_MATCH));
      const first = rows[0];
      if (!first) return 0;
      // one statement for any number of rows: the key tuples in one padded IN list
      const padded = Array.from({ length: paddedLength(rows.length) }, (_, i) => {
        return rows[Math.min(i, rows.length - 1)] ?? first;
      });
      const tuple = (columns: readonly string[]) =>
        columns.length === 1 ? (columns[0] ?? '') : `(${columns.join(', ')})`;
      const list = padded.map(() => tuple(first.map(() => '?'))).join(', ');
      const plain = tuple(first.map((part) => part.quoted));
      const values = padded.flatMap((parts) => parts.map((part) => part.value));
      let where = `${plain} IN (${list})`;
      const params = [...values];
      if (first.some((part) => part.exact)) {
        const exact = tuple(
          first.map((part) => (part.exact ? exactText(part.quoted) : part.quoted)),
        );
        where += ` AND ${exact} IN (${list})`;
        params.push(...values);
      }
      return context.run(`DELETE FROM ${context.tableName(collection)} WHERE ${where}`, params);
    },
  };
}

const NO_MATCH = Symbol('no match');

interface KeyPart {
  readonly quoted: string;
  readonly value: unknown;
  /** The column compares strings under an inexact collation: add the exact comparison. */
  readonly exact: boolean;
}

function keyPart(
  context: MysqlWriteContext,
  collection: CollectionDef,
  name: string,
  key: RowKeyValues,
): KeyPart {
  const field = fieldOf(collection, name);
  const column = context.column(collection, field);
  const type: FieldType = column?.type ?? field.type ?? 'string';
  const value = key[name];
  if (value === null || value === undefined)
    throw new Error(`primary key field "${name}" has no value`);
  const textual = column ? isTextualMysql(column.nativeType) : type === 'string';
  return {
    quoted: quoteId(field.column),
    value: keyValue(type, value),
    exact: textual && !(column && comparesExactly(column.collation)),
  };
}

/** Keys come from rows the gateway read: dates and buffers as read; text checked against
 * the column's type, then bound typed (see `bindableMysqlValue`). */
function keyValue(type: FieldType, value: unknown): unknown {
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const text = String(value);
  return acceptsValue(type, text) ? bindableMysqlValue(type, text) : NO_MATCH;
}

/** New values: JSON values as JSON text, a missing value as NULL. */
function writableValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || value instanceof Date || Buffer.isBuffer(value)) return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

function fieldOf(collection: CollectionDef, key: string): FieldDef {
  const field = collection.fields.find((f) => f.key === key);
  if (!field) throw new Error(`${collection.key} has no field "${key}"`);
  return field;
}

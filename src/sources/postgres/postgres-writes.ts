/**
 * PostgreSQL writes for rights requests: update one row by primary key, delete rows by
 * primary keys — values bound, identifiers from the map quoted by `pg`. Run on a client
 * the connector holds inside a transaction.
 */
import type { PoolClient } from 'pg';
import { escapeIdentifier } from 'pg';
import type { CollectionDef } from '../../core/datamap/model';
import type { RowKeyValues, SourceTransaction } from '../connector';

export function postgresTransaction(
  client: PoolClient,
  tableName: (collection: CollectionDef) => string,
  observe: (text: string, params: number) => void,
): SourceTransaction {
  const column = (collection: CollectionDef, key: string): string => {
    const field = collection.fields.find((f) => f.key === key);
    if (!field) throw new Error(`${collection.key} has no field "${key}"`);
    return escapeIdentifier(field.column);
  };
  const run = async (text: string, params: unknown[]): Promise<number> => {
    observe(text, params.length);
    const result = await client.query(text, params);
    return result.rowCount ?? 0;
  };
  return {
    async update(collection, key, changes) {
      const entries = Object.entries(changes);
      if (entries.length === 0) return 0;
      const set = entries
        .map(([field], i) => `${column(collection, field)} = $${i + 1}`)
        .join(', ');
      const where = collection.primaryKey
        .map((field, i) => `${column(collection, field)}::text = $${entries.length + i + 1}::text`)
        .join(' AND ');
      return run(`UPDATE ${tableName(collection)} SET ${set} WHERE ${where}`, [
        ...entries.map(([, value]) => value),
        ...collection.primaryKey.map((field) => keyText(key, field)),
      ]);
    },
    async delete(collection, keys) {
      if (keys.length === 0) return 0;
      // one statement for any number of rows: the key columns against parallel text arrays
      const columns = collection.primaryKey
        .map((field) => `${column(collection, field)}::text`)
        .join(', ');
      const arrays = collection.primaryKey.map((_, i) => `$${i + 1}::text[]`).join(', ');
      return run(
        `DELETE FROM ${tableName(collection)} WHERE (${columns}) IN (SELECT * FROM unnest(${arrays}))`,
        [...collection.primaryKey.map((field) => keys.map((key) => keyText(key, field)))],
      );
    },
  };
}

function keyText(key: RowKeyValues, field: string): string {
  const value = key[field];
  if (value === null || value === undefined)
    throw new Error(`primary key field "${field}" has no value`);
  return value instanceof Date ? value.toISOString() : String(value);
}

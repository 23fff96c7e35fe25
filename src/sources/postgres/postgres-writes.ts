/**
 * PostgreSQL writes for rights requests: update one row by primary key, delete rows by
 * primary keys — values bound, identifiers from the map quoted by `pg`. Run on a client
 * the connector holds inside a transaction. A statement the source's constraints refuse
 * fails with a `SourceConstraintError` (SQLSTATE class 23).
 */
import type { PoolClient } from 'pg';
import { escapeIdentifier } from 'pg';
import type { CollectionDef, FieldDef } from '../../core/datamap/model';
import type { RowKeyValues, SourceTransaction } from '../connector';
import { postgresConstraintError } from './postgres-constraint';

export function postgresTransaction(
  system: string,
  client: PoolClient,
  tableName: (collection: CollectionDef) => string,
  observe: (text: string, params: number) => void,
  /** Whether a key value can be stored in the field's column (src/sources/field-values.ts):
   * a key that cannot (`1 OR 1=1` for an integer id) names no row, so it is not sent. */
  accepts: (collection: CollectionDef, field: FieldDef, value: string) => boolean,
): SourceTransaction {
  const fieldOf = (collection: CollectionDef, key: string): FieldDef => {
    const field = collection.fields.find((f) => f.key === key);
    if (!field) throw new Error(`${collection.key} has no field "${key}"`);
    return field;
  };
  const column = (collection: CollectionDef, key: string): string =>
    escapeIdentifier(fieldOf(collection, key).column);
  const storable = (collection: CollectionDef, key: RowKeyValues): boolean =>
    collection.primaryKey.every((field) =>
      accepts(collection, fieldOf(collection, field), keyText(key, field)),
    );
  const run = async (text: string, params: unknown[]): Promise<number> => {
    observe(text, params.length);
    try {
      const result = await client.query(text, params);
      return result.rowCount ?? 0;
    } catch (error) {
      // a constraint the source enforces refuses the write for good (not an outage)
      throw postgresConstraintError(system, error) ?? error;
    }
  };
  return {
    async update(collection, key, changes) {
      const entries = Object.entries(changes);
      if (entries.length === 0 || !storable(collection, key)) return 0;
      const set = entries
        .map(([field], i) => `${column(collection, field)} = $${i + 1}`)
        .join(', ');
      // untyped parameters: the server reads each as its column's type, so the primary key's
      // index serves the lookup (a `::text` cast on the column would scan the whole table)
      const where = collection.primaryKey
        .map((field, i) => `${column(collection, field)} = $${entries.length + i + 1}`)
        .join(' AND ');
      return run(`UPDATE ${tableName(collection)} SET ${set} WHERE ${where}`, [
        ...entries.map(([, value]) => value),
        ...collection.primaryKey.map((field) => keyText(key, field)),
      ]);
    },
    async delete(collection, keys) {
      // `(a, b) IN (($1, $2), …)` with untyped parameters, as in update: the key's index is
      // used; chunked to stay far below PostgreSQL's 65,535 parameters per statement
      const columns = collection.primaryKey.map((field) => column(collection, field));
      const named = keys.filter((key) => storable(collection, key));
      let deleted = 0;
      for (let start = 0; start < named.length; start += DELETE_CHUNK) {
        const chunk = named.slice(start, start + DELETE_CHUNK);
        const tuples = chunk.map(
          (_, row) => `(${columns.map((_c, i) => `$${row * columns.length + i + 1}`).join(', ')})`,
        );
        deleted += await run(
          `DELETE FROM ${tableName(collection)} WHERE (${columns.join(', ')}) IN (${tuples.join(', ')})`,
          chunk.flatMap((key) => collection.primaryKey.map((field) => keyText(key, field))),
        );
      }
      return deleted;
    },
  };
}

const DELETE_CHUNK = 1000;

function keyText(key: RowKeyValues, field: string): string {
  const value = key[field];
  if (value === null || value === undefined)
    throw new Error(`primary key field "${field}" has no value`);
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * The source schema cache (SPEC §5): the last successful `describe()` of each source, so
 * the generated graph keeps its field types when a source is down at start.
 */
import type { DataSource } from 'typeorm';
import type { ColumnDescription, TableDescription } from '../sources/connector';
import { SourceSchemaCache } from './entities';

/** Names the advisory lock of one system's cached description. */
const LOCK_PREFIX = 'privgraph:source_schema_cache:';

/** Replaces everything cached for `system` with this description, atomically: a reader
 * sees the previous description or this one, never a mix. Replicas starting together
 * describe the same source at once: a transaction-scoped advisory lock per system makes
 * their replacements take turns, where two deletes of nothing followed by two inserts would
 * collide on the primary key (and an upsert would leave a mix of both descriptions). */
export async function saveSourceDescriptions(
  ds: DataSource,
  system: string,
  mapHash: string,
  tables: readonly TableDescription[],
): Promise<void> {
  // One row per table; if two collections share a table, their descriptions are the same.
  const byTable = new Map(tables.map((t) => [t.table, t]));
  await ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${LOCK_PREFIX}${system}`]);
    await em.delete(SourceSchemaCache, { system });
    if (byTable.size === 0) return;
    await em.insert(
      SourceSchemaCache,
      [...byTable.values()].map((t) => ({
        system,
        collection: t.table,
        mapHash,
        description: copyDescription(t),
      })),
    );
  });
}

/** The cached descriptions of `system`'s tables, ordered by table; empty if never described. */
export async function loadSourceDescriptions(
  ds: DataSource,
  system: string,
): Promise<TableDescription[]> {
  const rows = await ds.getRepository(SourceSchemaCache).find({
    where: { system },
    order: { collection: 'ASC' },
  });
  return rows.map((row) => readDescription(row.description, `${row.system}.${row.collection}`));
}

/** Only the fields of the contract go to the store (a connector may carry more). */
function copyDescription(t: TableDescription): TableDescription {
  return {
    table: t.table,
    exists: t.exists,
    columns: t.columns.map(({ column, nativeType, type, nullable }) => ({
      column,
      nativeType,
      type,
      nullable,
    })),
    ...(t.uniqueKeys ? { uniqueKeys: t.uniqueKeys.map((key) => [...key]) } : {}),
  };
}

/** jsonb comes back as whatever was stored; check the shape instead of trusting a cast. */
function readDescription(value: unknown, where: string): TableDescription {
  const v = value as Partial<TableDescription> | null;
  if (
    v === null ||
    typeof v !== 'object' ||
    typeof v.table !== 'string' ||
    typeof v.exists !== 'boolean' ||
    !Array.isArray(v.columns) ||
    !v.columns.every(isColumnDescription) ||
    !(
      v.uniqueKeys === undefined ||
      (Array.isArray(v.uniqueKeys) &&
        v.uniqueKeys.every((key) => Array.isArray(key) && key.every((c) => typeof c === 'string')))
    )
  ) {
    throw new Error(
      `source schema cache entry ${where} is malformed; delete it and let the source be described again`,
    );
  }
  return v as TableDescription;
}

function isColumnDescription(value: unknown): value is ColumnDescription {
  const c = value as Partial<ColumnDescription> | null;
  return (
    c !== null &&
    typeof c === 'object' &&
    typeof c.column === 'string' &&
    typeof c.nativeType === 'string' &&
    typeof c.type === 'string' &&
    typeof c.nullable === 'boolean'
  );
}

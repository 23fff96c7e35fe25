/**
 * The start-up check (issue #2 item 4, issue #4 item 6): every mapped table and column —
 * or, for an HTTP service, every collection's lookup endpoint — must exist in its live
 * source. A mismatch is a broken deployment and stops the start with one error listing
 * every problem; a source that merely does not answer is not — the gateway starts, uses the
 * last description it stored for that source, and reports the source as down.
 */
import type { CollectionDef, DataMap } from '../core/datamap/model';
import type { TableDescription } from '../sources/connector';
import type { SourceRegistry } from './source-registry';

export interface SourceCheck {
  readonly descriptions: Map<string, readonly TableDescription[]>;
  readonly mismatches: readonly string[];
  /** Worth saying at start, not worth refusing it: a table with no key to compare with. */
  readonly warnings: readonly string[];
  readonly unreachable: readonly { system: string; error: string }[];
}

export interface DescriptionCache {
  load(system: string): Promise<readonly TableDescription[]>;
  save(system: string, tables: readonly TableDescription[]): Promise<void>;
}

export async function checkSources(
  map: DataMap,
  sources: SourceRegistry,
  cache: DescriptionCache,
): Promise<SourceCheck> {
  const descriptions = new Map<string, readonly TableDescription[]>();
  const mismatches: string[] = [];
  const warnings: string[] = [];
  const unreachable: { system: string; error: string }[] = [];
  await Promise.all(
    map.systems.map(async (system) => {
      const connector = sources.get(system.key);
      if (!connector) return;
      let tables: readonly TableDescription[];
      try {
        tables = await connector.describe(system.collections);
      } catch (error) {
        unreachable.push({ system: system.key, error: (error as Error).message });
        const cached = await cache.load(system.key);
        connector.learn?.(cached);
        descriptions.set(system.key, cached);
        return;
      }
      for (const collection of system.collections) {
        const table = tables.find((t) => t.table === collection.table);
        if (!table?.exists) {
          mismatches.push(
            system.source?.kind === 'http'
              ? `${system.key}.${collection.key}: ${missingEndpoint(collection)}`
              : `${system.key}.${collection.key}: table "${collection.table}" does not exist in the source`,
          );
          continue;
        }
        for (const field of collection.fields) {
          if (!table.columns.some((column) => column.column === field.column)) {
            mismatches.push(
              `${system.key}.${collection.key}.${field.key}: column "${field.column}" does not exist in table "${collection.table}"`,
            );
          }
        }
        const key = checkPrimaryKey(`${system.key}.${collection.key}`, collection, table);
        if (key?.severity === 'mismatch') mismatches.push(key.message);
        if (key?.severity === 'warning') warnings.push(key.message);
      }
      descriptions.set(system.key, tables);
      await cache.save(system.key, tables);
    }),
  );
  mismatches.sort();
  warnings.sort();
  return { descriptions, mismatches, warnings, unreachable };
}

/**
 * The map's `primaryKey` must identify one row: rows are told apart (and erased) by it, and
 * two rows sharing it would be merged into one — the other silently missing from answers
 * and exports. It does when its columns include all the columns of one of the table's
 * unique keys (the primary key, a unique constraint or index). A table that declares no
 * unique key at all (a view, a log table) cannot be checked: said, not refused.
 */
function checkPrimaryKey(
  where: string,
  collection: CollectionDef,
  table: TableDescription,
): { severity: 'mismatch' | 'warning'; message: string } | undefined {
  if (table.uniqueKeys === undefined) return undefined;
  const columnOf = new Map(collection.fields.map((field) => [field.key, field.column]));
  const declared = new Set(collection.primaryKey.map((key) => columnOf.get(key) ?? key));
  if (table.uniqueKeys.some((unique) => unique.every((column) => declared.has(column))))
    return undefined;
  const list = (columns: Iterable<string>) => `(${[...columns].join(', ')})`;
  if (table.uniqueKeys.length === 0)
    return {
      severity: 'warning',
      message: `${where}: table "${collection.table}" has no primary key or unique constraint, so primaryKey: [${collection.primaryKey.join(', ')}] cannot be checked; rows sharing it would be shown and erased as one`,
    };
  const fieldsOf = (unique: readonly string[]) =>
    unique.map(
      (column) => collection.fields.find((field) => field.column === column)?.key ?? column,
    );
  const [first] = table.uniqueKeys;
  return {
    severity: 'mismatch',
    message:
      `${where}: primaryKey: [${collection.primaryKey.join(', ')}] does not identify a row of table "${collection.table}" ` +
      `(its unique keys: ${table.uniqueKeys.map(list).join(', ')}); rows sharing it would be merged. ` +
      `Declare one of them, e.g. primaryKey: [${fieldsOf(first ?? []).join(', ')}]`,
  };
}

/** An HTTP service's probe found no such endpoint, or an answer without rows where the map
 * says (sources/http/http-describe.ts): named by its method and path template. */
function missingEndpoint(collection: CollectionDef): string {
  const lookup = collection.endpoints?.lookup;
  if (!lookup) return 'no lookup endpoint is declared';
  const rows = lookup.rows === undefined ? 'as the body' : `at "${lookup.rows}"`;
  return `endpoint "${lookup.method} ${lookup.path}" is not served, or answers no list of rows ${rows}`;
}

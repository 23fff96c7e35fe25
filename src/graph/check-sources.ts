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

/** One disagreement between the map and a source, with the map path it is about (so start-up
 * can point at the file's line), e.g. `['systems', 'shop', 'collections', 'users']`. */
export interface SourceProblem {
  readonly path: readonly string[];
  /** `system.collection[.field]`. */
  readonly where: string;
  readonly reason: string;
  readonly severity: 'error' | 'warning';
}

export interface SourceCheck {
  readonly descriptions: Map<string, readonly TableDescription[]>;
  /** Every problem, errors and warnings, in the order of `mismatches` then `warnings`. */
  readonly problems: readonly SourceProblem[];
  /** The errors as `where: reason`: the start is refused. */
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
  const problems: SourceProblem[] = [];
  const collectionPath = (system: string, collection: string) => [
    'systems',
    system,
    'collections',
    collection,
  ];
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
        const path = collectionPath(system.key, collection.key);
        const where = `${system.key}.${collection.key}`;
        if (!table?.exists) {
          problems.push({
            path,
            where,
            reason:
              system.source?.kind === 'http'
                ? missingEndpoint(collection)
                : `table "${collection.table}" does not exist in the source`,
            severity: 'error',
          });
          continue;
        }
        for (const field of collection.fields) {
          if (!table.columns.some((column) => column.column === field.column)) {
            problems.push({
              path: [...path, 'fields', field.key],
              where: `${where}.${field.key}`,
              reason: `column "${field.column}" does not exist in table "${collection.table}"`,
              severity: 'error',
            });
          }
        }
        const key = checkPrimaryKey(collection, table);
        if (key) problems.push({ path: [...path, 'primaryKey'], where, ...key });
      }
      descriptions.set(system.key, tables);
      await cache.save(system.key, tables);
    }),
  );
  const text = (p: SourceProblem) => `${p.where}: ${p.reason}`;
  problems.sort((a, b) => a.severity.localeCompare(b.severity) || text(a).localeCompare(text(b)));
  return {
    descriptions,
    problems,
    mismatches: problems.filter((p) => p.severity === 'error').map(text),
    warnings: problems.filter((p) => p.severity === 'warning').map(text),
    unreachable,
  };
}

/**
 * The map's `primaryKey` must identify one row: rows are told apart (and erased) by it, and
 * two rows sharing it would be merged into one — the other silently missing from answers
 * and exports. It does when its columns include all the columns of one of the table's
 * unique keys (the primary key, a unique constraint or index). A table that declares no
 * unique key at all (a view, a log table) cannot be checked: said, not refused.
 */
function checkPrimaryKey(
  collection: CollectionDef,
  table: TableDescription,
): { severity: 'error' | 'warning'; reason: string } | undefined {
  if (table.uniqueKeys === undefined) return undefined;
  const columnOf = new Map(collection.fields.map((field) => [field.key, field.column]));
  const declared = new Set(collection.primaryKey.map((key) => columnOf.get(key) ?? key));
  if (table.uniqueKeys.some((unique) => unique.every((column) => declared.has(column))))
    return undefined;
  const list = (columns: Iterable<string>) => `(${[...columns].join(', ')})`;
  if (table.uniqueKeys.length === 0)
    return {
      severity: 'warning',
      reason: `table "${collection.table}" has no primary key or unique constraint, so primaryKey: [${collection.primaryKey.join(', ')}] cannot be checked; rows sharing it would be shown and erased as one`,
    };
  const fieldsOf = (unique: readonly string[]) =>
    unique.map(
      (column) => collection.fields.find((field) => field.column === column)?.key ?? column,
    );
  const [first] = table.uniqueKeys;
  return {
    severity: 'error',
    reason:
      `primaryKey: [${collection.primaryKey.join(', ')}] does not identify a row of table "${collection.table}" ` +
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

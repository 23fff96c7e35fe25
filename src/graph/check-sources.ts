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
      }
      descriptions.set(system.key, tables);
      await cache.save(system.key, tables);
    }),
  );
  mismatches.sort();
  return { descriptions, mismatches, unreachable };
}

/** An HTTP service's probe found no such endpoint, or an answer without rows where the map
 * says (sources/http/http-describe.ts): named by its method and path template. */
function missingEndpoint(collection: CollectionDef): string {
  const lookup = collection.endpoints?.lookup;
  if (!lookup) return 'no lookup endpoint is declared';
  const rows = lookup.rows === undefined ? 'as the body' : `at "${lookup.rows}"`;
  return `endpoint "${lookup.method} ${lookup.path}" is not served, or answers no list of rows ${rows}`;
}

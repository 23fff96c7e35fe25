/** Shared checks for the fixture worlds' unit tests: row keys of generated rows, and the
 * consistency of a data-map YAML with the tables the seeder creates. */
import { parse } from 'yaml';
import { rowKeyOf } from '../../../src/core/traversal/row-key';
import type { Row, TableSpec } from '../../../seeds/lib/table-spec';

/** `system.collection` → the row keys the traversal would compute for every generated row. */
export function allRowKeys(
  tables: readonly TableSpec[],
  rows: Record<string, Row[]>,
): Map<string, Set<string>> {
  return new Map(
    tables.map((t) => [
      t.address,
      new Set(
        (rows[t.address] ?? []).map((row) => rowKeyOf(t.primaryKey.map((c) => String(row[c])))),
      ),
    ]),
  );
}

export function union(maps: Iterable<Map<string, Set<string>>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const map of maps) {
    for (const [address, keys] of map) {
      const into = out.get(address) ?? new Set<string>();
      for (const key of keys) into.add(key);
      out.set(address, into);
    }
  }
  return out;
}

interface RawField {
  column?: string;
  identity?: string;
  references?: string;
}
interface RawCollection {
  table?: string;
  primaryKey?: string[];
  fields: Record<string, RawField | null>;
}
interface RawMap {
  identities: Record<string, { format?: string } | null>;
  systems: Record<
    string,
    { source?: { schema?: string }; collections: Record<string, RawCollection> }
  >;
}

/**
 * Problems between a data map and the seeded tables: collections without a table, columns
 * the map names but the table lacks (or the reverse), primary keys or identity formats that
 * differ, references to fields the map does not declare. Empty when they agree.
 */
export function mapTableMismatches(yamlText: string, tables: readonly TableSpec[]): string[] {
  const map = parse(yamlText) as RawMap;
  const problems: string[] = [];
  const specs = new Map(tables.map((t) => [t.address, t]));
  const declared = new Set<string>();
  for (const [systemKey, system] of Object.entries(map.systems)) {
    if (!system.source) continue;
    for (const [collectionKey, collection] of Object.entries(system.collections)) {
      const address = `${systemKey}.${collectionKey}`;
      declared.add(address);
      const spec = specs.get(address);
      if (!spec) {
        problems.push(`${address}: no table`);
        continue;
      }
      // an HTTP source names no schema: the service's own storage is the seeded table
      if (system.source.schema !== undefined && spec.schema !== system.source.schema)
        problems.push(`${address}: schema ${spec.schema} ≠ ${system.source.schema}`);
      if (spec.table !== (collection.table ?? collectionKey))
        problems.push(`${address}: table ${spec.table}`);
      if (JSON.stringify(spec.primaryKey) !== JSON.stringify(collection.primaryKey))
        problems.push(`${address}: primary key`);
      const columns = new Map(spec.columns.map((c) => [c.name, c]));
      const mapped = new Set<string>();
      for (const [fieldKey, raw] of Object.entries(collection.fields)) {
        const field = raw ?? {};
        const column = columns.get(field.column ?? fieldKey);
        mapped.add(field.column ?? fieldKey);
        if (!column) {
          problems.push(`${address}.${fieldKey}: no column`);
          continue;
        }
        const format =
          field.identity === undefined
            ? undefined
            : (map.identities[field.identity]?.format ?? 'exact');
        if (format !== column.identity)
          problems.push(`${address}.${fieldKey}: identity format ${format} ≠ ${column.identity}`);
        if (field.references !== undefined) {
          const [s, c, f] = field.references.split('.');
          if (!map.systems[s ?? '']?.collections[c ?? '']?.fields[f ?? ''])
            problems.push(`${address}.${fieldKey}: dangling reference`);
        }
      }
      for (const name of columns.keys())
        if (!mapped.has(name)) problems.push(`${address}: column ${name} not in the map`);
    }
  }
  for (const address of specs.keys())
    if (!declared.has(address)) problems.push(`${address}: table not in the map`);
  return problems;
}

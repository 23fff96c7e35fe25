/**
 * Column facts for planning rewrites (type and nullability, from the sources' own catalogues
 * read at start; a service's declared types otherwise): a NOT NULL column is never planned
 * to become null, a number column never receives a masked string.
 */
import type { DataMap } from '../core/datamap/model';
import type { ColumnFacts } from '../core/requests/erasure-targets';
import type { TableDescription } from '../sources/connector';

export function columnFactsOf(
  map: DataMap,
  descriptions: ReadonlyMap<string, readonly TableDescription[]>,
): ColumnFacts {
  const facts = new Map<
    string,
    { type?: NonNullable<ReturnType<ColumnFacts>>['type']; nullable: boolean }
  >();
  for (const system of map.systems) {
    const tables = descriptions.get(system.key) ?? [];
    for (const collection of system.collections) {
      const table = tables.find((t) => t.table === collection.table);
      for (const field of collection.fields) {
        const column = table?.columns.find((c) => c.column === field.column);
        const key = `${system.key}.${collection.key}\u0000${field.key}`;
        if (column) facts.set(key, { type: column.type, nullable: column.nullable });
        else if (field.type) facts.set(key, { type: field.type, nullable: true });
      }
    }
  }
  return (address, field) => facts.get(`${address}\u0000${field}`);
}

/**
 * Map mistakes an erasure would only meet later, found at start: a field of a `rewrite`
 * collection whose erasure writes null (its own `erasure: null`, or the default for a field
 * with a category) into a NOT NULL column. Every plan touching such a row would be refused;
 * the deployer hears it when the gateway starts instead of when a person asks.
 */
import type { DataMap } from '../core/datamap/model';
import { formatCollectionAddress, formatFieldAddress } from '../core/datamap/model';
import { erasureStrategyOf } from '../core/requests/erasure-targets';
import type { TableDescription } from '../sources/connector';
import { columnFactsOf } from './column-facts';

export function erasureWarnings(
  map: DataMap,
  descriptions: ReadonlyMap<string, readonly TableDescription[]>,
): string[] {
  const facts = columnFactsOf(map, descriptions);
  const warnings: string[] = [];
  for (const system of map.systems)
    for (const collection of system.collections) {
      if (collection.erasure !== 'rewrite') continue;
      const address = formatCollectionAddress(collection.address);
      for (const field of collection.fields) {
        if (collection.primaryKey.includes(field.key)) continue;
        const strategy = erasureStrategyOf(field);
        if (strategy !== 'null' || facts(address, field.key)?.nullable !== false) continue;
        warnings.push(
          `${formatFieldAddress(field.address)} is NOT NULL but its erasure writes null: set erasure: mask or random on it, or erasures of its rows will be refused`,
        );
      }
    }
  return warnings;
}

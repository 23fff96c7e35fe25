/**
 * Per-collection checks: what the connectors need to read and erase rows (a primary key
 * naming real fields, one collection per table, one field per column) and what purpose
 * limitation needs (SPEC §4.2: declared purposes and legal bases only).
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { didYouMean } from './did-you-mean';
import { collectionPath, fieldPath } from './map-paths';
import type { CollectionDef, DataMap, SystemDef } from './model';
import { formatCollectionAddress } from './model';

function checkPrimaryKey(system: SystemDef, collection: CollectionDef): DataMapIssue[] {
  const path = [...collectionPath(collection.address), 'primaryKey'];
  const name = formatCollectionAddress(collection.address);
  // Rows are deduplicated, erased and resumed by primary key; a catalogue-only system has
  // no rows to address, so it needs none.
  if (collection.primaryKey.length === 0) {
    if (system.source === undefined) return [];
    const guess =
      collection.fields.find((f) => f.key === 'id')?.key ?? collection.fields[0]?.key ?? 'id';
    return [
      issue(
        path,
        `collection ${name} has no primary key`,
        `add primaryKey: [${guess}] naming the field(s) that identify a row`,
      ),
    ];
  }
  const fields = collection.fields.map((f) => f.key);
  const seen = new Set<string>();
  return collection.primaryKey.flatMap((key, index) => {
    if (seen.has(key))
      return [issue([...path, index], `primary key lists '${key}' twice`, 'list each field once')];
    seen.add(key);
    if (fields.includes(key)) return [];
    return [
      issue(
        [...path, index],
        `primary key field '${key}' is not a field of ${name}`,
        didYouMean(key, fields, `declare it under fields: ${key}: {}`),
      ),
    ];
  });
}

/** Two entries that would read and write the same physical thing (one table, one column). */
function checkDuplicateNames(system: SystemDef): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  const tables = new Map<string, string>();
  for (const collection of system.collections) {
    const first = tables.get(collection.table);
    if (first === undefined) tables.set(collection.table, collection.key);
    else
      issues.push(
        issue(
          collectionPath(collection.address),
          `collections '${first}' and '${collection.key}' both map to table '${collection.table}' in system '${system.key}'`,
          'merge them into one collection, or set table: to the intended table',
        ),
      );
    const columns = new Map<string, string>();
    for (const field of collection.fields) {
      const owner = columns.get(field.column);
      if (owner === undefined) columns.set(field.column, field.key);
      else
        issues.push(
          issue(
            fieldPath(field.address),
            `fields '${owner}' and '${field.key}' both map to column '${field.column}' of ${formatCollectionAddress(collection.address)}`,
            'merge them into one field, or set column: to the intended column',
          ),
        );
    }
  }
  return issues;
}

function checkPurposesAndBasis(
  map: DataMap,
  system: SystemDef,
  collection: CollectionDef,
): DataMapIssue[] {
  const path = collectionPath(collection.address);
  const issues: DataMapIssue[] = [];
  const purposes = [...map.purposes.keys()];
  collection.purposes.forEach((purpose, index) => {
    if (!map.purposes.has(purpose)) {
      issues.push(
        issue(
          [...path, 'purposes', index],
          `purpose '${purpose}' is not declared under purposes`,
          didYouMean(purpose, purposes, `declare it: purposes: { ${purpose}: { name: … } }`),
        ),
      );
    }
  });
  // Purpose limitation only bites where rows are read: a catalogue-only entry is exempt.
  const categorised = collection.fields.some((f) => f.category !== undefined);
  if (system.source !== undefined && collection.purposes.length === 0 && categorised) {
    issues.push(
      issue(
        [...path, 'purposes'],
        `collection ${formatCollectionAddress(collection.address)} holds categorised data but lists no purposes`,
        'list its purposes; until then only universal purposes may read it (SPEC §4.2)',
        'warning',
      ),
    );
  }
  const basis = collection.legalBasis;
  if (basis !== undefined && !map.legalBases.has(basis)) {
    issues.push(
      issue(
        [...path, 'legalBasis'],
        `legal basis '${basis}' is not built in or declared under legalBases`,
        didYouMean(
          basis,
          map.legalBases.keys(),
          `declare it: legalBases: { ${basis}: { description: … } }`,
        ),
      ),
    );
  }
  return issues;
}

export function checkCollections(map: DataMap): DataMapIssue[] {
  return map.systems.flatMap((system) => [
    ...checkDuplicateNames(system),
    ...system.collections.flatMap((collection) => [
      ...checkPrimaryKey(system, collection),
      ...checkPurposesAndBasis(map, system, collection),
    ]),
  ]);
}

/**
 * Per-field checks against the rest of the map: categories exist in the taxonomy (an
 * unknown category would match no policy rule and be denied to everyone), identity kinds
 * are declared and used, and references point at a readable field.
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { didYouMean } from './did-you-mean';
import { fieldPath } from './map-paths';
import type { DataMap, FieldDef, SystemDef } from './model';
import { formatCollectionAddress, formatFieldAddress } from './model';

function checkCategory(map: DataMap, field: FieldDef): DataMapIssue[] {
  const category = field.category;
  // an inherited category is checked (and reported) where it is declared
  if (category === undefined || field.categoryFrom || map.categories.has(category)) return [];
  const declare = 'declare it under categories: below an existing parent';
  const suggestion = didYouMean(category, map.categories.keys(), '');
  return [
    issue(
      [...fieldPath(field.address), 'category'],
      `unknown category '${category}'`,
      suggestion === '' ? declare : `${suggestion} or ${declare}`,
    ),
  ];
}

function checkIdentity(map: DataMap, field: FieldDef): DataMapIssue[] {
  const kind = field.identity;
  if (kind === undefined || map.identities.has(kind)) return [];
  return [
    issue(
      [...fieldPath(field.address), 'identity'],
      `identity '${kind}' is not declared under identities`,
      didYouMean(kind, map.identities.keys(), `declare it: identities: { ${kind}: {} }`),
    ),
  ];
}

/** Field-level `shared` narrows one identity field (a gift order's recipient phone); it means
 * nothing on a field that locates no one, and cannot undo a kind declared shared. */
function checkSharedField(map: DataMap, field: FieldDef): DataMapIssue[] {
  if (field.shared === undefined) return [];
  const path = [...fieldPath(field.address), 'shared'];
  if (field.identity === undefined)
    return [
      issue(
        path,
        'shared applies only to a field that declares an identity',
        field.references === undefined
          ? 'add identity: KIND to the field, or remove shared'
          : 'remove shared: a reference carries the sharing of the identity field it points to',
      ),
    ];
  if (map.identities.get(field.identity)?.shared === true)
    return [
      issue(
        path,
        `identity '${field.identity}' is shared, so every field of it is; shared here changes nothing`,
        field.shared
          ? 'remove shared'
          : 'remove shared: false, or declare a non-shared identity kind for this field',
        'warning',
      ),
    ];
  return [];
}

function checkReference(systems: ReadonlyMap<string, SystemDef>, field: FieldDef): DataMapIssue[] {
  const target = field.references;
  if (target === undefined) return [];
  const path = [...fieldPath(field.address), 'references'];
  const named = `reference '${formatFieldAddress(target)}'`;
  const system = systems.get(target.system);
  if (!system) {
    return [
      issue(
        path,
        `${named} names unknown system '${target.system}'`,
        didYouMean(target.system, systems.keys(), 'reference a system declared under systems'),
      ),
    ];
  }
  if (system.source === undefined) {
    // The traversal follows references by reading the target; a catalogue-only system has
    // nothing to read, so the edge could never be followed.
    return [
      issue(
        path,
        `${named} points into catalogue-only system '${target.system}', which has no source to read`,
        'remove references (describe the data flow in description), or give that system a source',
      ),
    ];
  }
  const collection = system.collections.find((c) => c.key === target.collection);
  if (!collection) {
    return [
      issue(
        path,
        `${named} names unknown collection '${target.collection}' of system '${target.system}'`,
        didYouMean(
          target.collection,
          system.collections.map((c) => c.key),
          `system '${target.system}' has collections: ${system.collections.map((c) => c.key).join(', ')}`,
        ),
      ),
    ];
  }
  if (!collection.fields.some((f) => f.key === target.field)) {
    const fields = collection.fields.map((f) => f.key);
    return [
      issue(
        path,
        `${named} names unknown field '${target.field}' of ${formatCollectionAddress(collection.address)}`,
        didYouMean(target.field, fields, `declare it under that collection's fields`),
      ),
    ];
  }
  return [];
}

function checkIdentitiesCarried(map: DataMap, fields: readonly FieldDef[]): DataMapIssue[] {
  const carried = new Set(fields.map((f) => f.identity));
  return [...map.identities.keys()]
    .filter((kind) => !carried.has(kind))
    .map((kind) =>
      issue(
        ['identities', kind],
        `identity '${kind}' is declared but no field carries it`,
        `add identity: ${kind} to the field that holds it, or remove the declaration`,
      ),
    );
}

export function checkFields(map: DataMap): DataMapIssue[] {
  const systems = new Map(map.systems.map((s) => [s.key, s]));
  const fields = map.systems.flatMap((s) => s.collections.flatMap((c) => c.fields));
  return [
    ...fields.flatMap((field) => [
      ...checkCategory(map, field),
      ...checkIdentity(map, field),
      ...checkSharedField(map, field),
      ...checkReference(systems, field),
    ]),
    ...checkIdentitiesCarried(map, fields),
  ];
}

/**
 * Systems → collections → fields as catalogue objects, and the back-links between them
 * (`catalog-links.ts`), in map order. References are indexed last: every field exists by
 * then, since a reference may point forward, across systems, or into its own collection.
 */
import type { CollectionDef, DataMap, FieldDef } from '../../core/datamap/model';
import { formatCollectionAddress, formatFieldAddress } from '../../core/datamap/model';
import type { CatalogLinksBuilder } from './catalog-links';
import { append } from './catalog-links';
import type { CatalogCollection } from './collection.type';
import { CATALOG_ERASURE_MODE } from './erasure-mode.enum';
import { CATALOG_FIELD_ERASURE } from './field-erasure.enum';
import { CATALOG_FIELD_TYPE } from './field-type.enum';
import type { CatalogField } from './field.type';
import { mustGet } from './must-get';
import type { CatalogVocabulary } from './project-vocabulary';
import { CATALOG_REFERENCE_FOLLOW } from './reference-follow.enum';
import { CATALOG_SOURCE_KIND } from './source-kind.enum';
import type { SubjectNaming } from './subject-naming';
import type { CatalogSystem } from './system.type';

interface Projection {
  readonly vocabulary: CatalogVocabulary;
  readonly naming: SubjectNaming;
  readonly links: CatalogLinksBuilder;
}

export function projectSystems(map: DataMap, projection: Projection): CatalogSystem[] {
  const systems = map.systems.map((def) => {
    const system: CatalogSystem = {
      key: def.key,
      name: def.name,
      description: def.description ?? null,
      owner: def.owner ?? null,
      region: def.region ?? null,
      controller: def.controller ?? null,
      sourceKind: def.source ? CATALOG_SOURCE_KIND[def.source.kind] : null,
      collections: [],
      graphqlTypeName: projection.naming.systemTypes.get(def.key) ?? null,
    };
    for (const collection of def.collections) {
      system.collections.push(projectCollection(collection, projection));
      projection.links.systemOfCollection.set(formatCollectionAddress(collection.address), system);
    }
    return system;
  });
  linkReferences(projection.links);
  return systems;
}

function projectCollection(def: CollectionDef, projection: Projection): CatalogCollection {
  const { vocabulary, naming, links } = projection;
  const address = formatCollectionAddress(def.address);
  const collection: CatalogCollection = {
    address,
    key: def.key,
    description: def.description ?? null,
    table: def.table,
    primaryKey: [...def.primaryKey],
    purposes: def.purposes.map((key) => mustGet(vocabulary.purposes, key, 'purpose')),
    legalBasis:
      def.legalBasis === undefined
        ? null
        : mustGet(vocabulary.legalBases, def.legalBasis, 'legal basis'),
    retention: def.retention
      ? { days: def.retention.days ?? null, description: def.retention.description ?? null }
      : null,
    erasure: CATALOG_ERASURE_MODE[def.erasure],
    fields: def.fields.map((field) => projectField(field, projection)),
    graphqlTypeName: naming.collectionTypes.get(address) ?? null,
  };
  for (const purpose of def.purposes) append(links.collectionsByPurpose, purpose, collection);
  if (def.legalBasis !== undefined)
    append(links.collectionsByLegalBasis, def.legalBasis, collection);
  for (const field of collection.fields) links.collectionOfField.set(field.address, collection);
  return collection;
}

function projectField(def: FieldDef, { vocabulary, naming, links }: Projection): CatalogField {
  const address = formatFieldAddress(def.address);
  const served = naming.fields.get(address);
  const type = served?.type ?? def.type;
  const field: CatalogField = {
    address,
    key: def.key,
    column: def.column,
    description: def.description ?? null,
    category:
      def.category === undefined ? null : mustGet(vocabulary.categories, def.category, 'category'),
    identity:
      def.identity === undefined
        ? null
        : mustGet(vocabulary.identities, def.identity, 'identity kind'),
    references: def.references
      ? {
          address: formatFieldAddress(def.references),
          follow: CATALOG_REFERENCE_FOLLOW[def.follow],
        }
      : null,
    erasure: def.erasure === undefined ? null : CATALOG_FIELD_ERASURE[def.erasure],
    type: type === undefined ? null : CATALOG_FIELD_TYPE[type],
    graphqlFieldName: served?.name ?? null,
  };
  links.fields.set(address, field);
  if (def.category !== undefined) append(links.fieldsByCategory, def.category, field);
  if (def.identity !== undefined) append(links.fieldsByIdentity, def.identity, field);
  return field;
}

/** Checks every target exists (the validator promises it) and indexes who points at it. */
function linkReferences(links: CatalogLinksBuilder): void {
  for (const field of links.fields.values()) {
    if (!field.references) continue;
    mustGet(links.fields, field.references.address, 'referenced field');
    append(links.referencedBy, field.references.address, field);
  }
}

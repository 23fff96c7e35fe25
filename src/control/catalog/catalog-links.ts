/**
 * The catalogue's back-links (a category's fields, a field's collection, who references a
 * field…), indexed once per map version beside the projection.
 *
 * Why not properties on the objects: the object types would then import each other
 * (category ↔ field), and the architecture forbids import cycles (.dependency-cruiser.cjs).
 * So the `*.type.ts` classes form a tree, and each back-link is a small `@FieldResolver`
 * (the type-graphql way to add a relation) that looks the answer up here: a map read, never
 * a scan.
 */
import type { CatalogCollection } from './collection.type';
import type { CatalogField } from './field.type';
import type { CatalogSystem } from './system.type';

export interface CatalogLinks {
  /** Field address → the field (reference targets). */
  readonly fields: ReadonlyMap<string, CatalogField>;
  /** Field address → the fields whose reference points at it. */
  readonly referencedBy: ReadonlyMap<string, readonly CatalogField[]>;
  /** Field address → its collection. */
  readonly collectionOfField: ReadonlyMap<string, CatalogCollection>;
  /** Collection address → its system. */
  readonly systemOfCollection: ReadonlyMap<string, CatalogSystem>;
  /** Category key → the fields declaring exactly it. */
  readonly fieldsByCategory: ReadonlyMap<string, readonly CatalogField[]>;
  /** Identity kind → the fields declaring it. */
  readonly fieldsByIdentity: ReadonlyMap<string, readonly CatalogField[]>;
  /** Purpose key → the collections listing it. */
  readonly collectionsByPurpose: ReadonlyMap<string, readonly CatalogCollection[]>;
  /** Legal basis key → the collections processed on it. */
  readonly collectionsByLegalBasis: ReadonlyMap<string, readonly CatalogCollection[]>;
}

/** The mutable form `projectSystems` fills in map order. */
export interface CatalogLinksBuilder extends CatalogLinks {
  readonly fields: Map<string, CatalogField>;
  readonly referencedBy: Map<string, CatalogField[]>;
  readonly collectionOfField: Map<string, CatalogCollection>;
  readonly systemOfCollection: Map<string, CatalogSystem>;
  readonly fieldsByCategory: Map<string, CatalogField[]>;
  readonly fieldsByIdentity: Map<string, CatalogField[]>;
  readonly collectionsByPurpose: Map<string, CatalogCollection[]>;
  readonly collectionsByLegalBasis: Map<string, CatalogCollection[]>;
}

export function emptyLinks(): CatalogLinksBuilder {
  return {
    fields: new Map(),
    referencedBy: new Map(),
    collectionOfField: new Map(),
    systemOfCollection: new Map(),
    fieldsByCategory: new Map(),
    fieldsByIdentity: new Map(),
    collectionsByPurpose: new Map(),
    collectionsByLegalBasis: new Map(),
  };
}

export function append<V>(index: Map<string, V[]>, key: string, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

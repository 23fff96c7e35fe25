/**
 * The map's shared vocabularies as catalogue objects: categories, identity kinds, purposes
 * and legal bases, in the map's order, keyed for the fields and collections that cite them.
 */
import type { DataMap } from '../../core/datamap/model';
import type { CatalogCategory } from './category.type';
import { CATALOG_IDENTITY_FORMAT } from './identity-format.enum';
import type { CatalogIdentityKind } from './identity-kind.type';
import type { CatalogLegalBasis } from './legal-basis.type';
import type { CatalogPurpose } from './purpose.type';

export interface CatalogVocabulary {
  readonly categories: ReadonlyMap<string, CatalogCategory>;
  readonly identities: ReadonlyMap<string, CatalogIdentityKind>;
  readonly purposes: ReadonlyMap<string, CatalogPurpose>;
  readonly legalBases: ReadonlyMap<string, CatalogLegalBasis>;
}

export function projectVocabulary(map: DataMap): CatalogVocabulary {
  const entries = <T, U>(source: ReadonlyMap<string, T>, project: (key: string, value: T) => U) =>
    new Map([...source].map(([key, value]) => [key, project(key, value)] as const));
  return {
    categories: entries(map.categories, (key, c) => ({
      key,
      name: c.name,
      description: c.description ?? null,
      builtIn: c.builtIn,
    })),
    identities: entries(map.identities, (name, kind) => ({
      name,
      format: CATALOG_IDENTITY_FORMAT[kind.format],
      shared: kind.shared,
      description: kind.description ?? null,
    })),
    purposes: entries(map.purposes, (key, p) => ({
      key,
      name: p.name,
      description: p.description ?? null,
    })),
    legalBases: entries(map.legalBases, (key, basis) => ({
      key,
      description: basis.description ?? null,
    })),
  };
}

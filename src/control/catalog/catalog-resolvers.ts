/** Every resolver of the catalogue, for `buildControlSchema`. */
import { CatalogCategoryResolver } from './category.resolver';
import { CatalogCollectionResolver } from './collection.resolver';
import { DataMapResolver } from './data-map.resolver';
import { CatalogFieldResolver } from './field.resolver';
import { CatalogIdentityKindResolver } from './identity-kind.resolver';
import { CatalogLegalBasisResolver } from './legal-basis.resolver';
import { CatalogPurposeResolver } from './purpose.resolver';
import { CatalogReferenceResolver } from './reference.resolver';

export const CATALOG_RESOLVERS = [
  DataMapResolver,
  CatalogCollectionResolver,
  CatalogFieldResolver,
  CatalogReferenceResolver,
  CatalogCategoryResolver,
  CatalogIdentityKindResolver,
  CatalogPurposeResolver,
  CatalogLegalBasisResolver,
] as const;

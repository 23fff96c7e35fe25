import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogCollection } from './collection.type';
import { CatalogLegalBasis } from './legal-basis.type';

/** What is processed on a legal basis: a back-link, hence a resolver (`catalog-links.ts`). */
@Resolver(() => CatalogLegalBasis)
export class CatalogLegalBasisResolver {
  @FieldResolver(() => [CatalogCollection], {
    description: 'The collections processed on this basis, in map order.',
  })
  collections(
    @Root('key') key: string,
    @Ctx() context: ControlPlaneContext,
  ): readonly CatalogCollection[] {
    return catalogOf(context.control).links.collectionsByLegalBasis.get(key) ?? [];
  }
}

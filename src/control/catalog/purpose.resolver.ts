import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogCollection } from './collection.type';
import { CatalogPurpose } from './purpose.type';

/** What is processed for a purpose: a back-link, hence a resolver (`catalog-links.ts`). */
@Resolver(() => CatalogPurpose)
export class CatalogPurposeResolver {
  @FieldResolver(() => [CatalogCollection], {
    description: 'The collections that list this purpose, in map order.',
  })
  collections(
    @Root('key') key: string,
    @Ctx() context: ControlPlaneContext,
  ): readonly CatalogCollection[] {
    return catalogOf(context.control).links.collectionsByPurpose.get(key) ?? [];
  }
}

import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogCategory } from './category.type';
import { CatalogField } from './field.type';

/** Where a category is held: a back-link, hence a resolver (`catalog-links.ts`). */
@Resolver(() => CatalogCategory)
export class CatalogCategoryResolver {
  @FieldResolver(() => [CatalogField], {
    description:
      'The fields declaring exactly this category (not its sub-categories), in map order.',
  })
  fields(@Root('key') key: string, @Ctx() context: ControlPlaneContext): readonly CatalogField[] {
    return catalogOf(context.control).links.fieldsByCategory.get(key) ?? [];
  }
}

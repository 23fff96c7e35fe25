import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogCollection } from './collection.type';
import { CatalogField } from './field.type';
import { mustGet } from './must-get';

/** A field's collection and the fields referencing it: back-links, hence resolvers
 * (`catalog-links.ts`). */
@Resolver(() => CatalogField)
export class CatalogFieldResolver {
  @FieldResolver(() => CatalogCollection)
  collection(
    @Root('address') address: string,
    @Ctx() context: ControlPlaneContext,
  ): CatalogCollection {
    return mustGet(catalogOf(context.control).links.collectionOfField, address, 'field');
  }

  @FieldResolver(() => [CatalogField], {
    description: 'The fields whose reference points at this one, in map order.',
  })
  referencedBy(
    @Root('address') address: string,
    @Ctx() context: ControlPlaneContext,
  ): readonly CatalogField[] {
    return catalogOf(context.control).links.referencedBy.get(address) ?? [];
  }
}

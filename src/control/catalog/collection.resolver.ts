import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogCollection } from './collection.type';
import { mustGet } from './must-get';
import { CatalogSystem } from './system.type';

/** A collection's system: a back-link, hence a resolver (`catalog-links.ts`). */
@Resolver(() => CatalogCollection)
export class CatalogCollectionResolver {
  @FieldResolver(() => CatalogSystem)
  system(@Root('address') address: string, @Ctx() context: ControlPlaneContext): CatalogSystem {
    return mustGet(catalogOf(context.control).links.systemOfCollection, address, 'collection');
  }
}

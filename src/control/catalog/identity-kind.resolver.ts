import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogField } from './field.type';
import { CatalogIdentityKind } from './identity-kind.type';

/** Where people are found by an identity kind: a back-link, hence a resolver
 * (`catalog-links.ts`). */
@Resolver(() => CatalogIdentityKind)
export class CatalogIdentityKindResolver {
  @FieldResolver(() => [CatalogField], {
    description: 'The fields declaring this identity: where people are found by it, in map order.',
  })
  fields(@Root('name') name: string, @Ctx() context: ControlPlaneContext): readonly CatalogField[] {
    return catalogOf(context.control).links.fieldsByIdentity.get(name) ?? [];
  }
}

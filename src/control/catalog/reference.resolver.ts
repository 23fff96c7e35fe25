import 'reflect-metadata';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogField } from './field.type';
import { mustGet } from './must-get';
import { CatalogReference } from './reference.type';

/** The field a reference points at: resolved by address, since field and reference types
 * may not import each other (`catalog-links.ts`). */
@Resolver(() => CatalogReference)
export class CatalogReferenceResolver {
  @FieldResolver(() => CatalogField, { description: 'The referenced field itself.' })
  field(@Root('address') address: string, @Ctx() context: ControlPlaneContext): CatalogField {
    return mustGet(catalogOf(context.control).links.fields, address, 'referenced field');
  }
}

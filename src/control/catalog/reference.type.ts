import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogReferenceFollow } from './reference-follow.enum';

/** A field's reference to a field of another (or the same) collection: an edge the subject
 * graph is joined along (SPEC §2). The target `field` is resolved in
 * `reference.resolver.ts` (see `catalog-links.ts`). */
@ObjectType({
  description: 'A reference to a field of another (or the same) collection.',
  simpleResolvers: true,
})
export class CatalogReference {
  @Field(() => String, { description: 'The referenced field, as system.collection.field.' })
  address!: string;

  @Field(() => CatalogReferenceFollow)
  follow!: CatalogReferenceFollow;
}

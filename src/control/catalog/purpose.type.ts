import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';

/** Why data is processed (SPEC §2); a collection is read only for the purposes it lists.
 * `collections` is a back-link, resolved in `purpose.resolver.ts` (see `catalog-links.ts`). */
@ObjectType({ description: 'Why personal data is processed.', simpleResolvers: true })
export class CatalogPurpose {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';

/** A data category: a dotted taxonomy key (SPEC §2), built in or declared by the map.
 * `fields` is a back-link, resolved in `category.resolver.ts` (see `catalog-links.ts`). */
@ObjectType({ description: 'A data category: a dotted taxonomy key.', simpleResolvers: true })
export class CatalogCategory {
  @Field(() => String, { description: 'The dotted key, e.g. user.contact.email.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Boolean, {
    description: "True for the built-in taxonomy, false for the map's own extensions.",
  })
  builtIn!: boolean;
}

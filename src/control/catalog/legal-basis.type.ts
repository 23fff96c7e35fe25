import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';

/** A lawful basis of processing (PIPL art. 13, GDPR art. 6(1)): built in or declared by the
 * map. `collections` is a back-link, resolved in `legal-basis.resolver.ts`. */
@ObjectType({ description: 'A lawful basis of processing.', simpleResolvers: true })
export class CatalogLegalBasis {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

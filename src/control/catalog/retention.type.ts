import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';

/** How long a collection's rows are kept (SPEC §2); legal holds may keep them longer. */
@ObjectType({ description: "How long a collection's rows are kept.", simpleResolvers: true })
export class CatalogRetention {
  @Field(() => Int, { nullable: true })
  days!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The rule in words, e.g. the law that sets it.',
  })
  description!: string | null;
}

import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';

/** The organisation the data map describes (the controller of last resort). */
@ObjectType({ description: 'The organisation the data map describes.', simpleResolvers: true })
export class CatalogOrganization {
  @Field(() => String)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the organisation is established, e.g. CN.',
  })
  homeRegion!: string | null;
}

import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogCollection } from './collection.type';
import { CatalogSourceKind } from './source-kind.enum';

/** An internal system (SPEC §2): owner, region, controller, and how its data is reached. */
@ObjectType({ description: 'An internal system holding personal data.', simpleResolvers: true })
export class CatalogSystem {
  @Field(() => String, { description: 'The key in the data map.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The team answerable for the system.' })
  owner!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the data is stored, e.g. CN.' })
  region!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The legal entity that controls the processing.',
  })
  controller!: string | null;

  @Field(() => CatalogSourceKind, {
    nullable: true,
    description:
      'How the gateway reaches the data; null for a catalogue-only entry (a third-party SDK, a processor) that cannot be queried.',
  })
  sourceKind!: CatalogSourceKind | null;

  @Field(() => [CatalogCollection])
  collections!: CatalogCollection[];

  @Field(() => String, {
    nullable: true,
    description: "The system's type in the subject graph; null for a catalogue-only system.",
  })
  graphqlTypeName!: string | null;
}

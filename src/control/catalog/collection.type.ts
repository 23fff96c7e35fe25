import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogErasureMode } from './erasure-mode.enum';
import { CatalogField } from './field.type';
import { CatalogLegalBasis } from './legal-basis.type';
import { CatalogPurpose } from './purpose.type';
import { CatalogRetention } from './retention.type';

/** A table (or a service's resource) of a system (SPEC §2). `system` is a back-link,
 * resolved in `collection.resolver.ts` (see `catalog-links.ts`). */
@ObjectType({
  description: "A table (or a service's resource) of a system.",
  simpleResolvers: true,
})
export class CatalogCollection {
  @Field(() => String, { description: 'system.collection' })
  address!: string;

  @Field(() => String, { description: 'The key in the data map.' })
  key!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { description: 'The table (or resource) name in the source.' })
  table!: string;

  @Field(() => [String], {
    description: 'Field keys of the primary key, in order; empty for a catalogue-only entry.',
  })
  primaryKey!: string[];

  @Field(() => [CatalogPurpose], {
    description:
      'The purposes the collection may be read for (SPEC §4.2), besides any the policy makes universal.',
  })
  purposes!: CatalogPurpose[];

  @Field(() => CatalogLegalBasis, { nullable: true })
  legalBasis!: CatalogLegalBasis | null;

  @Field(() => CatalogRetention, { nullable: true })
  retention!: CatalogRetention | null;

  @Field(() => CatalogErasureMode)
  erasure!: CatalogErasureMode;

  @Field(() => [CatalogField])
  fields!: CatalogField[];

  @Field(() => String, {
    nullable: true,
    description: "The collection's type in the subject graph; null for a catalogue-only system.",
  })
  graphqlTypeName!: string | null;
}

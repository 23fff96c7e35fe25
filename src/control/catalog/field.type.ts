import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogCategory } from './category.type';
import { CatalogFieldErasure } from './field-erasure.enum';
import { CatalogFieldType } from './field-type.enum';
import { CatalogIdentityKind } from './identity-kind.type';
import { CatalogReference } from './reference.type';

/** A column/attribute of a collection (SPEC §2): its category, whether people are found by
 * it, what it references, and how an erasure rewrites it. `collection` and `referencedBy`
 * are back-links, resolved in `field.resolver.ts` (see `catalog-links.ts`). */
@ObjectType({ description: 'A column or attribute of a collection.', simpleResolvers: true })
export class CatalogField {
  @Field(() => String, { description: 'system.collection.field' })
  address!: string;

  @Field(() => String, { description: 'The key in the data map.' })
  key!: string;

  @Field(() => String, { description: 'The column (or attribute) name in the source.' })
  column!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => CatalogCategory, {
    nullable: true,
    description: 'Null: not personal data by itself.',
  })
  category!: CatalogCategory | null;

  @Field(() => CatalogIdentityKind, {
    nullable: true,
    description: 'The identity kind people are found by here.',
  })
  identity!: CatalogIdentityKind | null;

  @Field(() => CatalogReference, { nullable: true })
  references!: CatalogReference | null;

  @Field(() => CatalogFieldErasure, {
    nullable: true,
    description:
      'How an erasure rewrites the field when its row survives; null when the map names no strategy.',
  })
  erasure!: CatalogFieldErasure | null;

  @Field(() => CatalogFieldType, {
    nullable: true,
    description:
      "The source's column type where the gateway read it, else the declared type; null when neither is known.",
  })
  type!: CatalogFieldType | null;

  @Field(() => String, {
    nullable: true,
    description: "The field's name on its subject-graph type; null for a catalogue-only system.",
  })
  graphqlFieldName!: string | null;
}

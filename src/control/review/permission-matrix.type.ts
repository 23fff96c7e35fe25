import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogAccessDecision, CatalogReviewField } from './decision.type';

@ObjectType({ description: 'A decision for one purpose.', simpleResolvers: true })
export class CatalogPurposeDecision {
  @Field(() => String)
  purpose!: string;

  @Field(() => CatalogAccessDecision)
  decision!: CatalogAccessDecision;
}

@ObjectType({ description: 'What a role gets of a category.', simpleResolvers: true })
export class CatalogCategoryAccess {
  @Field(() => String)
  category!: string;

  @Field(() => CatalogAccessDecision, {
    description: "The least restrictive over the role's purposes: the most it can get.",
  })
  decision!: CatalogAccessDecision;

  @Field(() => Boolean, { description: 'Every purpose of the role gives the same decision.' })
  uniform!: boolean;

  @Field(() => [CatalogPurposeDecision])
  byPurpose!: CatalogPurposeDecision[];
}

@ObjectType({ description: 'A row of the role × category matrix.', simpleResolvers: true })
export class CatalogMatrixRole {
  @Field(() => String)
  role!: string;

  @Field(() => [String])
  purposes!: string[];

  @Field(() => [CatalogCategoryAccess], { description: 'One per category, in `categories` order.' })
  categories!: CatalogCategoryAccess[];
}

@ObjectType({ description: 'A decision for one (role, purpose).', simpleResolvers: true })
export class CatalogRolePurposeDecision {
  @Field(() => String)
  role!: string;

  @Field(() => String)
  purpose!: string;

  @Field(() => CatalogAccessDecision)
  decision!: CatalogAccessDecision;
}

@ObjectType({ description: 'A row of the field × (role, purpose) matrix.', simpleResolvers: true })
export class CatalogFieldAccess {
  @Field(() => CatalogReviewField)
  field!: CatalogReviewField;

  @Field(() => [CatalogRolePurposeDecision])
  decisions!: CatalogRolePurposeDecision[];
}

@ObjectType({
  description: 'The whole policy at a glance: role × category and field × (role, purpose).',
  simpleResolvers: true,
})
export class CatalogPermissionMatrix {
  @Field(() => String, { description: 'sha256 of the policy file.' })
  policyVersion!: string;

  @Field(() => String, { description: 'sha256 of the data map file.' })
  dataMapVersion!: string;

  @Field(() => [String], { description: 'Categories held by some field of the map, sorted.' })
  categories!: string[];

  @Field(() => [CatalogMatrixRole])
  roles!: CatalogMatrixRole[];

  @Field(() => [CatalogFieldAccess])
  fields!: CatalogFieldAccess[];
}

import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Access, RuleAccess } from '../../core/policy/model';
import type { DeidentifyMethod } from '../../core/deidentify/method';
import type { DecisionEffect, DecisionReason } from '../../core/policy/decision';
import { CatalogAccess, CatalogDecisionEffect, CatalogDecisionReason } from './review-enums';

@ObjectType({
  description: 'A rule of the policy, where it is in the file.',
  simpleResolvers: true,
})
export class CatalogPolicyRule {
  @Field(() => String)
  role!: string;

  @Field(() => Int, { description: "Position in the role's rules: list." })
  index!: number;

  @Field(() => String, { description: 'roles.<role>.rules.<index>' })
  path!: string;

  @Field(() => String)
  category!: string;

  @Field(() => CatalogAccess, { description: 'As written.' })
  access!: RuleAccess;
}

@ObjectType({
  description: 'A role-level access decision (SPEC §4.3): effect, method, reason and rule.',
  simpleResolvers: true,
})
export class CatalogAccessDecision {
  @Field(() => CatalogDecisionEffect)
  effect!: DecisionEffect;

  @Field(() => CatalogAccess, { description: 'ALLOW, DENY, or the method applied.' })
  access!: Access;

  @Field(() => CatalogAccess, { nullable: true, description: 'The method, for TRANSFORM.' })
  method!: DeidentifyMethod | null;

  @Field(() => CatalogDecisionReason)
  reason!: DecisionReason;

  @Field(() => CatalogPolicyRule, { nullable: true, description: 'The rule that produced it.' })
  rule!: CatalogPolicyRule | null;
}

@ObjectType({ description: 'A field of the data map under review.', simpleResolvers: true })
export class CatalogReviewField {
  @Field(() => String, { description: 'system.collection.field' })
  address!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The GraphQL schema coordinate; null when no source serves the field.',
  })
  coordinate!: string | null;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => String, { nullable: true, description: 'The identity kind it holds, if any.' })
  identity!: string | null;
}

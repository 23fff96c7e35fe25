import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import type { LostBecause } from '../../core/review';
import { CatalogAccessDecision, CatalogPolicyRule, CatalogReviewField } from './decision.type';
import { CatalogAccess, CatalogRuleLostBecause } from './review-enums';
import type { Access } from '../../core/policy/model';

@ObjectType({ description: 'A covering rule that lost, and why.', simpleResolvers: true })
export class CatalogBeatenRule {
  @Field(() => CatalogPolicyRule)
  rule!: CatalogPolicyRule;

  @Field(() => CatalogAccess, {
    description: "Its access with DEIDENTIFY resolved to the field's default.",
  })
  resolved!: Access;

  @Field(() => CatalogRuleLostBecause)
  lostBecause!: LostBecause;

  @Field(() => String, { description: 'Both rules named, in one sentence.' })
  why!: string;
}

@ObjectType({
  description: 'Purpose limitation and the per-subject checks behind a decision (SPEC §4.2–§4.3).',
  simpleResolvers: true,
})
export class CatalogPurposeFacts {
  @Field(() => String)
  purpose!: string;

  @Field(() => Boolean, { description: "Declared under the policy's purposes:." })
  declared!: boolean;

  @Field(() => Boolean, { description: "One of the role's purposes." })
  roleServes!: boolean;

  @Field(() => Boolean)
  universal!: boolean;

  @Field(() => Boolean)
  requiresConsent!: boolean;

  @Field(() => [String], { nullable: true, description: "For a field: its collection's purposes." })
  collectionPurposes!: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'For a field: the collection lists the purpose, or the purpose is universal.',
  })
  collectionInScope!: boolean | null;

  @Field(() => String, { description: 'What consent changes for a given person.' })
  consent!: string;

  @Field(() => String, { description: 'What the minor rule changes for a given person.' })
  minor!: string;
}

@ObjectType({ description: 'A field and its decision.', simpleResolvers: true })
export class CatalogFieldDecision {
  @Field(() => CatalogReviewField)
  field!: CatalogReviewField;

  @Field(() => CatalogAccessDecision)
  decision!: CatalogAccessDecision;
}

@ObjectType({
  description:
    'Why a role gets what it gets of a field or category for a purpose: the decision, the rule, the rules it beat, the purpose facts.',
  simpleResolvers: true,
})
export class CatalogAccessExplanation {
  @Field(() => String)
  role!: string;

  @Field(() => String)
  purpose!: string;

  @Field(() => CatalogReviewField, { nullable: true, description: 'The field asked about.' })
  field!: CatalogReviewField | null;

  @Field(() => String, { nullable: true, description: 'The category decided on.' })
  category!: string | null;

  @Field(() => CatalogAccessDecision)
  decision!: CatalogAccessDecision;

  @Field(() => CatalogPolicyRule, {
    nullable: true,
    description:
      'The top-ranked covering rule: it produced the decision when the reason is RULE, else an earlier check decided.',
  })
  winningRule!: CatalogPolicyRule | null;

  @Field(() => [CatalogBeatenRule])
  beatenRules!: CatalogBeatenRule[];

  @Field(() => CatalogPurposeFacts)
  purposeFacts!: CatalogPurposeFacts;

  @Field(() => [CatalogFieldDecision], {
    description: 'For a category: each field of the map holding it, with its own decision.',
  })
  fields!: CatalogFieldDecision[];

  @Field(() => String)
  summary!: string;
}

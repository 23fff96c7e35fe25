import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import type { ChangeDirection, LintSeverity } from '../../core/review';
import { CatalogAccessDecision, CatalogReviewField } from './decision.type';
import { CatalogChangeDirection, CatalogLintSeverity } from './review-enums';

@ObjectType({
  description: 'A risk `policy lint` found (docs/review.md lists the codes).',
  simpleResolvers: true,
})
export class CatalogLintFinding {
  @Field(() => CatalogLintSeverity)
  severity!: LintSeverity;

  @Field(() => String, { description: 'RAW_CREDENTIALS, UNUSED_PURPOSE… (docs/review.md).' })
  code!: string;

  @Field(() => String, { description: 'The policy or data map file the path points into.' })
  file!: string;

  @Field(() => String, { description: 'Dotted path in that file, e.g. roles.dpo.rules.0.' })
  path!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String)
  fix!: string;
}

@ObjectType({
  description: 'Findings of `policy lint` on the served policy.',
  simpleResolvers: true,
})
export class CatalogPolicyLint {
  @Field(() => Int)
  errors!: number;

  @Field(() => Int)
  warnings!: number;

  @Field(() => Int)
  infos!: number;

  @Field(() => [CatalogLintFinding], { description: 'Errors first.' })
  findings!: CatalogLintFinding[];
}

@ObjectType({
  description: 'One (role, purpose, field) decision a change alters.',
  simpleResolvers: true,
})
export class CatalogDecisionChange {
  @Field(() => String)
  role!: string;

  @Field(() => String)
  purpose!: string;

  @Field(() => CatalogReviewField)
  field!: CatalogReviewField;

  @Field(() => CatalogAccessDecision, { nullable: true, description: 'Now; null: no such field.' })
  from!: CatalogAccessDecision | null;

  @Field(() => CatalogAccessDecision, {
    nullable: true,
    description: 'Proposed; null: no such field.',
  })
  to!: CatalogAccessDecision | null;

  @Field(() => CatalogChangeDirection)
  direction!: ChangeDirection;
}

@ObjectType({
  description: 'What a proposed policy would change: every altered decision, nothing else.',
  simpleResolvers: true,
})
export class CatalogPolicyDiff {
  @Field(() => String)
  fromPolicyVersion!: string;

  @Field(() => String)
  toPolicyVersion!: string;

  @Field(() => Int, { description: 'How many (role, purpose, field) decisions were compared.' })
  compared!: number;

  @Field(() => [CatalogDecisionChange], {
    description: 'Sorted by role, purpose and field address.',
  })
  changes!: CatalogDecisionChange[];
}

import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';

/** One schema coordinate an operation touched for a data subject, with the decision it got
 * (denied ones included): never the value. */
@ObjectType({
  description: 'A schema coordinate touched, with its decision (never the value).',
  simpleResolvers: true,
})
export class CatalogAuditCoordinate {
  @Field(() => String, { description: 'Type.field, as in the subject graph.' })
  coordinate!: string;

  @Field(() => String, { description: 'allow, deny or transform.' })
  effect!: string;

  @Field(() => String, { nullable: true, description: 'The de-identification method, if any.' })
  method!: string | null;

  @Field(() => String, { description: 'RULE, NO_RULE, PURPOSE_MISMATCH, NO_CONSENT, MINOR…' })
  reason!: string;
}

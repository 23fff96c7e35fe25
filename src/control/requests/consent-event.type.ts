import 'reflect-metadata';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CatalogConsentAction } from './consent-action.enum';
import { CatalogDateTime } from './catalog-date-time.scalar';

/** One consent event of a person (SPEC §6 "history is kept"): recorded once per identity of
 * theirs, shown once with how many identities it was recorded against. */
@ObjectType({ description: 'One grant or withdrawal of consent.', simpleResolvers: true })
export class CatalogConsentEvent {
  @Field(() => String)
  purpose!: string;

  @Field(() => CatalogConsentAction)
  action!: CatalogConsentAction;

  @Field(() => Boolean, { description: "A guardian's consent for a minor." })
  guardian!: boolean;

  @Field(() => String)
  recordedBy!: string;

  @Field(() => CatalogDateTime)
  recordedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The rights request that recorded it.' })
  requestId!: string | null;

  @Field(() => Int, { description: "How many of the person's identities it was recorded for." })
  identities!: number;
}

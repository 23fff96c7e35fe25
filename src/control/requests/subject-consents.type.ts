import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogConsentEvent } from './consent-event.type';

@ObjectType({ description: 'Consent to one purpose that rests on consent.', simpleResolvers: true })
export class CatalogConsentState {
  @Field(() => String)
  purpose!: string;

  @Field(() => Boolean, { description: 'The latest event for the purpose is a grant.' })
  granted!: boolean;
}

/** A person's consent (SPEC §4.3: the gateway's store is the system of record): the state
 * the next query is decided on, and the history it came from. */
@ObjectType({ description: "A person's consent: now, and its history.", simpleResolvers: true })
export class CatalogSubjectConsents {
  @Field(() => [CatalogConsentState], {
    description: 'Every purpose of the policy that rests on consent, in policy order.',
  })
  purposes!: CatalogConsentState[];

  @Field(() => [String], { description: 'Purposes (or *) a guardian consented to for a minor.' })
  guardian!: string[];

  @Field(() => [CatalogConsentEvent], { description: 'Every event, oldest first.' })
  history!: CatalogConsentEvent[];
}

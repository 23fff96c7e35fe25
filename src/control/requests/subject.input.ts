import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';

/**
 * A person, named by any one of their identities (SPEC §6 "the subject is named by any
 * identity"): the kind is one of the data map's identity kinds (`dataMap { identityKinds }`),
 * checked by the service, so one schema serves every map.
 */
@InputType({ description: 'A data subject named by one identity: { kind: "phone", value: "…" }.' })
export class CatalogSubjectInput {
  @Field(() => String, { description: 'An identity kind of the data map: phone, email, user_id…' })
  kind!: string;

  @Field(() => String, { description: 'The identity, as the person gave it (it is normalised).' })
  value!: string;
}

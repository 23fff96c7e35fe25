import 'reflect-metadata';
import { ArgsType, Field } from 'type-graphql';
import { CatalogSubjectInput } from './subject.input';

/** Who a request is about and how the requester proved it is them (SPEC §6: "every request
 * records how the requester's identity was verified"). Arguments as a class: type-graphql
 * then emits them in this order (parameter decorators run last-first). */
@ArgsType()
export class SubjectRequestArgs {
  @Field(() => CatalogSubjectInput)
  subject!: CatalogSubjectInput;

  @Field(() => String, {
    description:
      'How the requester proved they are the person (PIPL art. 50), e.g. "SMS code to the account phone".',
  })
  identityVerification!: string;
}

@ArgsType()
export class CorrectionArgs extends SubjectRequestArgs {
  @Field(() => String, { description: 'A data category of the map (phone, address…).' })
  category!: string;

  @Field(() => String, { description: 'The correct value (sealed in the store).' })
  value!: string;
}

@ArgsType()
export class ConsentArgs extends SubjectRequestArgs {
  @Field(() => String, {
    description:
      "A purpose of the policy that rests on consent; with guardian: true, any purpose of the policy, or '*' for all.",
  })
  purpose!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Given or withdrawn by the guardian of a child under 14 (PIPL art. 31): without it a minor's data is shown de-identified at most.",
  })
  guardian!: boolean;
}

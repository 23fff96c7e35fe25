import 'reflect-metadata';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class IdAndNoteArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Recorded with the decision.' })
  note?: string | null;
}

@ArgsType()
export class RejectArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'Why, for the person: part of the reply (cite the exemption of the policy).',
  })
  reason!: string;
}

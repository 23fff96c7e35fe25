import 'reflect-metadata';
import { ArgsType, Field, Int } from 'type-graphql';
import type { RequestKind, RequestStatus } from '../../core/requests/model';
import { CatalogRequestKind } from './request-kind.enum';
import { CatalogRequestStatus } from './request-status.enum';
import { CatalogSubjectInput } from './subject.input';

/** Filters and a page of `rightsRequests`; a filter left out matches every request. */
@ArgsType()
export class RequestListArgs {
  @Field(() => [CatalogRequestStatus], {
    nullable: true,
    description: 'Any of these statuses (one value is a list of one).',
  })
  status?: RequestStatus[] | null;

  @Field(() => [CatalogRequestKind], { nullable: true })
  kind?: RequestKind[] | null;

  @Field(() => CatalogSubjectInput, {
    nullable: true,
    description: 'Only requests about this person (by any of their identities).',
  })
  subject?: CatalogSubjectInput | null;

  @Field(() => Int, { defaultValue: 50, description: 'At most 500.' })
  limit!: number;

  @Field(() => Int, { defaultValue: 0 })
  offset!: number;
}

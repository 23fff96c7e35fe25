import 'reflect-metadata';
import { ArgsType, Field, Int } from 'type-graphql';
import { CatalogDateTime } from '../requests/catalog-date-time.scalar';
import { CatalogSubjectInput } from '../requests/subject.input';
import { CatalogAuditKind } from './audit-kind.enum';
import { CatalogAuditPosition } from './audit-position.scalar';

/** Filters and a page of `auditEvents`; a filter left out matches every event. */
@ArgsType()
export class AuditEventsArgs {
  @Field(() => CatalogSubjectInput, {
    nullable: true,
    description:
      'Events about this person, named by any one of their identities: every identity the traversal finds for them is matched.',
  })
  subject?: CatalogSubjectInput | null;

  @Field(() => String, { nullable: true, description: 'The token subject who acted.' })
  actor?: string | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => [CatalogAuditKind], { nullable: true })
  kinds?: CatalogAuditKind[] | null;

  @Field(() => CatalogDateTime, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => CatalogDateTime, { nullable: true, description: 'Before this instant.' })
  to?: Date | null;

  @Field(() => Int, { defaultValue: 50, description: 'Events per page, at most 500.' })
  first!: number;

  @Field(() => CatalogAuditPosition, {
    nullable: true,
    description: 'Only events before this position: the previous page’s nextBefore.',
  })
  before?: number | null;
}

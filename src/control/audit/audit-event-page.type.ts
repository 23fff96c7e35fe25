import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogAuditEvent } from './audit-event.type';
import { CatalogAuditPosition } from './audit-position.scalar';

/** A page of `auditEvents`, newest first; keyset pagination on the chain position, so pages
 * stay stable while events are appended. */
@ObjectType({ description: 'A page of audit events, newest first.', simpleResolvers: true })
export class CatalogAuditEventPage {
  @Field(() => [CatalogAuditEvent])
  events!: CatalogAuditEvent[];

  @Field(() => CatalogAuditPosition, {
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null: this was the last.',
  })
  nextBefore!: number | null;
}

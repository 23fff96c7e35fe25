import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogDateTime } from '../requests/catalog-date-time.scalar';
import { CatalogJSON } from '../requests/catalog-json.scalar';
import { CatalogAuditCoordinate } from './audit-coordinate.type';
import { CatalogAuditKind } from './audit-kind.enum';
import { CatalogAuditPosition } from './audit-position.scalar';

/** One event of the audit trail (SPEC §7), as chained: who, in which role, for which
 * purpose, about which data subject (keyed hashes only), touched what with which decision. */
@ObjectType({ description: 'One event of the audit trail.', simpleResolvers: true })
export class CatalogAuditEvent {
  @Field(() => CatalogAuditPosition, { description: 'Its place in the chain (the cursor).' })
  position!: number;

  @Field(() => CatalogAuditKind)
  kind!: CatalogAuditKind;

  @Field(() => CatalogDateTime)
  at!: Date;

  @Field(() => String, { description: 'The token subject, or the worker or process.' })
  actor!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => [String], {
    description:
      'The data subject: keyed hashes of their identities (kind:hmac), never a raw identity.',
  })
  subjectKeys!: string[];

  @Field(() => [CatalogAuditCoordinate])
  coordinates!: CatalogAuditCoordinate[];

  @Field(() => String, {
    nullable: true,
    description:
      'The GraphQL operation’s id (extensions.privacy.requestId) or the rights request’s.',
  })
  requestId!: string | null;

  @Field(() => String, { nullable: true })
  policyVersion!: string | null;

  @Field(() => String, { nullable: true })
  dataMapVersion!: string | null;

  @Field(() => CatalogJSON, {
    description: 'Non-personal particulars: an operation, a system, counts, a status.',
  })
  detail!: unknown;
}

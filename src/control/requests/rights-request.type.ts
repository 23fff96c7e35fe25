import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { CatalogDateTime } from './catalog-date-time.scalar';
import { CatalogJSON } from './catalog-json.scalar';
import { CatalogRequestKind } from './request-kind.enum';
import { CatalogRequestStatus } from './request-status.enum';

/**
 * A rights request as the DPO sees it (SPEC §6): what was asked, how the requester proved
 * who they are, the due date, the decision, the result and the reply. Who it is about is
 * deliberately absent — the store names the person by keyed hashes and seals the identity;
 * neither leaves the gateway. `tasks` and `events` are resolved in
 * `rights-request.resolver.ts` through per-request loaders.
 */
@ObjectType({ description: 'A subject-rights request.', simpleResolvers: true })
export class CatalogRightsRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => CatalogRequestKind)
  kind!: CatalogRequestKind;

  @Field(() => CatalogRequestStatus)
  status!: CatalogRequestStatus;

  @Field(() => CatalogDateTime)
  receivedAt!: Date;

  @Field(() => String, {
    description: 'YYYY-MM-DD: 15 working days from receipt on the holiday calendar.',
  })
  dueDate!: string;

  @Field(() => Boolean, {
    description:
      'Still open (not completed or rejected) and past its due date, today in the calendar’s time zone.',
  })
  overdue!: boolean;

  @Field(() => String, { description: "How the requester's identity was verified." })
  identityVerification!: string;

  @Field(() => String, { description: 'Who recorded the request (the token subject).' })
  requestedBy!: string;

  @Field(() => String, { description: 'The role they acted in.' })
  requestedRole!: string;

  @Field(() => CatalogJSON, {
    description:
      'Non-personal particulars: the purpose of a consent request, the category of a correction.',
  })
  details!: unknown;

  @Field(() => CatalogJSON, {
    nullable: true,
    description:
      'An erasure’s plan, summarised per collection: rows deleted or rewritten, exempt (and why), shared.',
  })
  planSummary!: unknown;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => CatalogDateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The approval note or the rejection reason.',
  })
  decisionNote!: string | null;

  @Field(() => CatalogJSON, { nullable: true, description: 'What was done, counted per source.' })
  result!: unknown;

  @Field(() => String, { nullable: true, description: 'The reply to the person.' })
  reply!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "sha256 of an access request's export package.",
  })
  packageHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where a completed access request’s package is downloaded (GET, a role that may request.export).',
  })
  downloadUrl!: string | null;

  @Field(() => CatalogDateTime, { nullable: true })
  completedAt!: Date | null;

  @Field(() => CatalogDateTime)
  updatedAt!: Date;
}

import 'reflect-metadata';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ExemptionReason } from '../../core/requests/model';
import { CatalogDateTime } from './catalog-date-time.scalar';
import { CatalogExemptionReason } from './exemption-reason.enum';

/** A legal hold (SPEC §2, §6), never deleted: released ones stay listed with who released
 * them. The person it covers is not shown (the store knows them by keyed hashes only). */
@ObjectType({ description: 'A legal hold: data kept despite an erasure.', simpleResolvers: true })
export class CatalogLegalHold {
  @Field(() => ID)
  id!: string;

  @Field(() => CatalogExemptionReason)
  reason!: ExemptionReason;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Boolean, { description: 'On one person (else on a collection for everyone).' })
  onSubject!: boolean;

  @Field(() => String, { nullable: true, description: 'system.collection; null: every one.' })
  collection!: string | null;

  @Field(() => Int, { nullable: true })
  retainDays!: number | null;

  @Field(() => String, { nullable: true })
  dateField!: string | null;

  @Field(() => CatalogDateTime, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Boolean, { description: 'Not released and not expired, now.' })
  inForce!: boolean;

  @Field(() => String)
  placedBy!: string;

  @Field(() => CatalogDateTime)
  placedAt!: Date;

  @Field(() => String, { nullable: true })
  releasedBy!: string | null;

  @Field(() => CatalogDateTime, { nullable: true })
  releasedAt!: Date | null;

  @Field(() => String, { nullable: true })
  releaseNote!: string | null;
}

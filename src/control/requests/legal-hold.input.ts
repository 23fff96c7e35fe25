import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { CatalogDateTime } from './catalog-date-time.scalar';
import { CatalogExemptionReason } from './exemption-reason.enum';
import type { ExemptionReason } from '../../core/requests/model';
import { CatalogSubjectInput } from './subject.input';

/** A legal hold (SPEC §2, §6): on a person, on a collection, or on a collection for a person;
 * with `retainDays` + `dateField` it protects only rows still inside the period. */
@InputType({ description: 'A legal hold: a subject, a collection, or both, and the exemption.' })
export class CatalogLegalHoldInput {
  @Field(() => CatalogExemptionReason)
  reason!: ExemptionReason;

  @Field(() => String, { nullable: true, description: 'Why, for the record (a case number).' })
  note?: string | null;

  @Field(() => CatalogSubjectInput, {
    nullable: true,
    description: 'The person; the hold covers every identity the traversal finds for them.',
  })
  subject?: CatalogSubjectInput | null;

  @Field(() => String, { nullable: true, description: 'system.collection; absent: every one.' })
  collection?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Keep rows for this many days after the date in dateField (with dateField).',
  })
  retainDays?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The row's date field the period runs from.",
  })
  dateField?: string | null;

  @Field(() => CatalogDateTime, { nullable: true, description: 'The hold lapses at this instant.' })
  expiresAt?: Date | null;
}

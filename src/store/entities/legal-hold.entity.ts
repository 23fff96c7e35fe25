/**
 * A legal hold (SPEC §2, §6; seed policy §VIII.4 a–h): on a person, a collection, or both;
 * optionally only for rows still inside a retention period, optionally expiring. Released
 * holds are kept (who released it, when, why) — the history is evidence.
 */
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { STORE_SCHEMA } from '../store-schema';

@Entity({ schema: STORE_SCHEMA, name: 'legal_holds' })
@Index('legal_holds_subject_idx', { synchronize: false })
@Check('legal_holds_scope_check', `subject_keys IS NOT NULL OR collection IS NOT NULL`)
@Check('legal_holds_retention_check', `(retain_days IS NULL) = (date_field IS NULL)`)
export class LegalHoldRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'legal_holds_pkey' })
  id!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'subject_keys', type: 'text', array: true, nullable: true })
  subjectKeys!: string[] | null;

  @Column({ type: 'text', nullable: true })
  collection!: string | null;

  @Column({ name: 'retain_days', type: 'integer', nullable: true })
  retainDays!: number | null;

  @Column({ name: 'date_field', type: 'text', nullable: true })
  dateField!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'placed_by', type: 'text' })
  placedBy!: string;

  @Column({ name: 'placed_at', type: 'timestamptz', default: () => 'now()' })
  placedAt!: Date;

  @Column({ name: 'released_by', type: 'text', nullable: true })
  releasedBy!: string | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ name: 'release_note', type: 'text', nullable: true })
  releaseNote!: string | null;
}

/**
 * A subject-rights request (SPEC §6): its kind, lifecycle, due date and outcome. The person
 * is named by keyed hashes of their identities; what identifies them (the seed identity, a
 * correction's new value, the erasure plan with its row keys) is kept encrypted.
 */
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestKind, RequestStatus } from '../../core/requests/model';
import { STORE_SCHEMA } from '../store-schema';

@Entity({ schema: STORE_SCHEMA, name: 'rights_requests' })
@Index('rights_requests_status_due_idx', ['status', 'dueDate'])
@Index('rights_requests_subject_idx', { synchronize: false })
@Check(
  'rights_requests_kind_check',
  `kind IN ('access', 'erasure', 'correction', 'consent_withdrawal', 'consent_grant', 'account_closure')`,
)
@Check(
  'rights_requests_status_check',
  `status IN ('received', 'awaiting_approval', 'approved', 'rejected', 'in_progress', 'partial', 'completed', 'failed')`,
)
export class RightsRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rights_requests_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: RequestKind;

  @Column({ type: 'text' })
  status!: RequestStatus;

  @Column({ name: 'subject_keys', type: 'text', array: true })
  subjectKeys!: string[];

  @Column({ name: 'payload_enc', type: 'bytea' })
  payloadEnc!: Buffer;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ name: 'identity_verification', type: 'text' })
  identityVerification!: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_role', type: 'text' })
  requestedRole!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'plan_enc', type: 'bytea', nullable: true })
  planEnc!: Buffer | null;

  @Column({ name: 'plan_summary', type: 'jsonb', nullable: true })
  planSummary!: Record<string, unknown> | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ name: 'package_hash', type: 'text', nullable: true })
  packageHash!: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

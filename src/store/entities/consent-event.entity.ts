/**
 * One consent given or withdrawn (append-only). `guardian`: given by a minor's guardian;
 * `purpose` `*` for a guardian's consent to all processing of the minor's data.
 */
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { STORE_SCHEMA } from '../store-schema';

@Entity({ schema: STORE_SCHEMA, name: 'consent_events' })
@Index('consent_events_subject_idx', ['subjectKey', 'purpose', 'seq'])
@Check('consent_events_action_check', `action IN ('grant', 'withdraw')`)
export class ConsentEvent {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'consent_events_pkey',
  })
  seq!: string;

  @Column({ name: 'subject_key', type: 'text' })
  subjectKey!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  action!: 'grant' | 'withdraw';

  @Column({ type: 'boolean', default: false })
  guardian!: boolean;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  /** The consent request (withdrawal, grant, account closure) that recorded the event. */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}

/**
 * One link of the audit chain (src/core/audit): `content` is what the MAC covers; the other
 * columns repeat what audit queries filter on. Append-only (a trigger refuses UPDATE/DELETE).
 */
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { STORE_SCHEMA } from '../store-schema';

@Entity({ schema: STORE_SCHEMA, name: 'audit_events' })
@Index('audit_events_subject_idx', { synchronize: false })
@Index('audit_events_actor_idx', ['actor', 'at'])
@Index('audit_events_at_idx', ['at'])
export class AuditEventRecord {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_events_pkey' })
  position!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ name: 'subject_keys', type: 'text', array: true })
  subjectKeys!: string[];

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}

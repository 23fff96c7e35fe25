/**
 * A request's history (append-only): created, planned, approved, task claimed/done/failed,
 * package downloaded, completed. Never holds personal values — counts, systems, reasons.
 */
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { STORE_SCHEMA } from '../store-schema';
import { RightsRequest } from './rights-request.entity';

@Entity({ schema: STORE_SCHEMA, name: 'request_events' })
@Index('request_events_request_idx', ['requestId', 'seq'])
export class RequestEvent {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'request_events_pkey',
  })
  seq!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @ManyToOne(() => RightsRequest, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'request_events_request_fkey' })
  request?: RightsRequest;
}

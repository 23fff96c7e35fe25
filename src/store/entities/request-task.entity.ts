/**
 * One unit of a request's work, claimed by one worker at a time (src/requests/jobs): the
 * plan, the export, one source's erasure or correction, the verification. Unique per
 * (request, kind, system), so a task is created once however many workers race to add it.
 */
import {
  JoinColumn,
  ManyToOne,
  Check,
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { TaskStatus } from '../../core/requests/model';
import { STORE_SCHEMA } from '../store-schema';
import { RightsRequest } from './rights-request.entity';

@Entity({ schema: STORE_SCHEMA, name: 'request_tasks' })
@Unique('request_tasks_once', ['requestId', 'kind', 'system'])
@Index('request_tasks_runnable_idx', ['queue', 'status', 'notBefore', 'createdAt'])
@Check('request_tasks_status_check', `status IN ('pending', 'running', 'done', 'failed')`)
export class RequestTask {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'request_tasks_pkey' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', default: '' })
  system!: string;

  /** The data map version of the request: only workers serving that map run the task. */
  @Column({ type: 'text', default: '' })
  queue!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: TaskStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'not_before', type: 'timestamptz', default: () => 'now()' })
  notBefore!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @ManyToOne(() => RightsRequest, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'request_tasks_request_fkey' })
  request?: RightsRequest;
}

/** One loaded version of the access policy, by content hash (SPEC §3). */
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { STORE_SCHEMA } from '../store-schema';

@Entity({ schema: STORE_SCHEMA, name: 'policy_snapshots' })
@Unique('policy_snapshots_content_hash_key', ['contentHash'])
export class PolicySnapshot {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'policy_snapshots_pkey' })
  id!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'source_file', type: 'text' })
  sourceFile!: string;

  /** The file's text, so a past decision can be explained against the exact policy. */
  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'integer' })
  roles!: number;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;
}

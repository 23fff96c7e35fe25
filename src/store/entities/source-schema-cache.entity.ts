/**
 * The last successful `describe()` of one collection of one source, so the generated graph
 * keeps its types when that source is down at start (SPEC §5: fields are typed from the
 * source's column types).
 */
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TableDescription } from '../../sources/connector';
import { STORE_SCHEMA } from '../store-schema';

@Entity({ schema: STORE_SCHEMA, name: 'source_schema_cache' })
export class SourceSchemaCache {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'source_schema_cache_pkey' })
  system!: string;

  /** The collection's table (or resource) as the source described it: TableDescription.table. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'source_schema_cache_pkey' })
  collection!: string;

  /** Content hash of the data map the description was taken under. */
  @Column({ name: 'map_hash', type: 'text' })
  mapHash!: string;

  @Column({ type: 'jsonb' })
  description!: TableDescription;

  @Column({ name: 'described_at', type: 'timestamptz', default: () => 'now()' })
  describedAt!: Date;
}

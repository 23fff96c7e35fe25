/**
 * Data map snapshots (SPEC §3): each reviewed version of the map is stored once, by content
 * hash, so decisions and audit events can name the version they used.
 */
import type { DataSource } from 'typeorm';
import { DataMapSnapshot } from './entities';

export interface DataMapSnapshotInput {
  readonly contentHash: string;
  readonly sourceFile: string;
  readonly content: string;
  readonly systems: number;
  readonly collections: number;
}

export interface RecordedSnapshot {
  readonly id: string;
  /** False when this exact content was recorded before (a restart, a reload, a replica). */
  readonly created: boolean;
}

/** Records the map version unless it is known; idempotent and safe under concurrent
 * replicas (the unique content hash decides, `ON CONFLICT DO NOTHING`). */
export async function recordDataMapSnapshot(
  ds: DataSource,
  input: DataMapSnapshotInput,
): Promise<RecordedSnapshot> {
  if (input.contentHash.length === 0)
    throw new Error('recordDataMapSnapshot: contentHash is empty');
  const inserted = await ds
    .createQueryBuilder()
    .insert()
    .into(DataMapSnapshot)
    .values({
      contentHash: input.contentHash,
      sourceFile: input.sourceFile,
      content: input.content,
      systems: input.systems,
      collections: input.collections,
    })
    .orIgnore()
    .returning(['id'])
    .updateEntity(false)
    .execute();
  const row = (inserted.raw as Array<{ id: string }>)[0];
  if (row) return { id: row.id, created: true };

  const existing = await ds.getRepository(DataMapSnapshot).findOne({
    select: { id: true },
    where: { contentHash: input.contentHash },
  });
  if (!existing)
    throw new Error(`data map snapshot ${input.contentHash} was neither inserted nor found`);
  return { id: existing.id, created: false };
}

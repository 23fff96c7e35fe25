/** Policy snapshots: idempotent by content hash, like the data map's. */
import type { DataSource } from 'typeorm';
import { PolicySnapshot } from './entities';

export interface PolicySnapshotInput {
  readonly contentHash: string;
  readonly sourceFile: string;
  readonly content: string;
  readonly roles: number;
}

export async function recordPolicySnapshot(
  ds: DataSource,
  input: PolicySnapshotInput,
): Promise<{ created: boolean }> {
  const inserted = await ds
    .createQueryBuilder()
    .insert()
    .into(PolicySnapshot)
    .values(input)
    .orIgnore()
    .returning(['id'])
    .updateEntity(false)
    .execute();
  return { created: (inserted.raw as unknown[]).length > 0 };
}

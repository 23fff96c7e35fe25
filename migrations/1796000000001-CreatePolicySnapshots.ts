/**
 * Policy snapshots (SPEC §3): like the data map, each reviewed version of the access policy
 * is stored once by content hash, so every decision and audit event names its version.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePolicySnapshots1796000000001 implements MigrationInterface {
  name = 'CreatePolicySnapshots1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE privgraph.policy_snapshots (
        id           uuid        NOT NULL DEFAULT gen_random_uuid(),
        content_hash text        NOT NULL,
        source_file  text        NOT NULL,
        content      text        NOT NULL,
        roles        integer     NOT NULL,
        loaded_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_snapshots_pkey PRIMARY KEY (id),
        CONSTRAINT policy_snapshots_content_hash_key UNIQUE (content_hash)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE privgraph.policy_snapshots`);
  }
}

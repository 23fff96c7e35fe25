/**
 * The gateway store's first tables: data map snapshots (SPEC §3) and the source schema
 * cache (SPEC §5). Written by hand so the SQL reads like the schema it creates.
 *
 * Pattern for the next ones (consent, requests, audit): a file
 * `<epoch ms>-<Name>.ts` exporting class `<Name><epoch ms>`, listed in `migrations/index.ts`;
 * tables qualified with `privgraph.`; `down` undoes exactly what `up` did. All pending
 * migrations run in one transaction (see src/store/store-data-source.ts).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGatewayStore1795995978220 implements MigrationInterface {
  name = 'CreateGatewayStore1795995978220';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Also created before the migrations table is; kept here so this file stands alone.
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS privgraph`);
    await queryRunner.query(`
      CREATE TABLE privgraph.data_map_snapshots (
        id           uuid        NOT NULL DEFAULT gen_random_uuid(),
        content_hash text        NOT NULL,
        source_file  text        NOT NULL,
        content      text        NOT NULL,
        systems      integer     NOT NULL,
        collections  integer     NOT NULL,
        loaded_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT data_map_snapshots_pkey PRIMARY KEY (id),
        CONSTRAINT data_map_snapshots_content_hash_key UNIQUE (content_hash)
      )`);
    await queryRunner.query(`
      CREATE TABLE privgraph.source_schema_cache (
        system       text        NOT NULL,
        collection   text        NOT NULL,
        map_hash     text        NOT NULL,
        description  jsonb       NOT NULL,
        described_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT source_schema_cache_pkey PRIMARY KEY (system, collection)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The schema stays: it also holds the migrations table.
    await queryRunner.query(`DROP TABLE privgraph.source_schema_cache`);
    await queryRunner.query(`DROP TABLE privgraph.data_map_snapshots`);
  }
}

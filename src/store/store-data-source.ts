/**
 * The gateway store's TypeORM DataSource (PostgreSQL through `pg`): entities in the
 * `privgraph` schema, hand-written migrations applied at start (`migrationsRun`), never
 * `synchronize`. `ormconfig.ts` builds the same DataSource for the TypeORM CLI.
 */
import { DataSource, MigrationExecutor } from 'typeorm';
import type { Migration } from 'typeorm';
import { storeMigrations } from '../../migrations';
import { storeEntities } from './entities';
import { STORE_SCHEMA } from './store-schema';

export interface StoreDataSourceOptions {
  readonly logging?: boolean;
  /** Connections in the store's pool (default 10). Embedded: counts against the socket
   * server's maxConnections. */
  readonly poolSize?: number;
}

type RunMigrationsOptions = Parameters<DataSource['runMigrations']>[0];

/** Names the advisory lock that serialises migration runs of concurrent replicas. */
const MIGRATION_LOCK = 'privgraph:store-migrations';

/**
 * A DataSource whose migration run (at start and from the CLI) first creates the store's
 * schema — TypeORM creates its migrations table in `privgraph` before any migration runs —
 * and runs everything on one connection in one transaction under an advisory lock:
 * replicas starting together on real PostgreSQL wait for each other, and on PGlite the
 * open transaction pins the single session to this connection, which serialises them too.
 * So no migration may opt out of the transaction (no CREATE INDEX CONCURRENTLY here).
 */
export class StoreDataSource extends DataSource {
  override async runMigrations(options?: RunMigrationsOptions): Promise<Migration[]> {
    const queryRunner = this.createQueryRunner('master');
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction();
      await queryRunner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "${STORE_SCHEMA}"`);
      const executor = new MigrationExecutor(this, queryRunner);
      executor.transaction = 'all';
      executor.fake = options?.fake ?? false;
      const applied = await executor.executePendingMigrations();
      await queryRunner.commitTransaction();
      return applied;
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }
}

export function createStoreDataSource(
  url: string,
  options: StoreDataSourceOptions = {},
): DataSource {
  return new StoreDataSource({
    type: 'postgres',
    url,
    schema: STORE_SCHEMA,
    applicationName: 'privgraph-store',
    entities: storeEntities,
    migrations: storeMigrations,
    migrationsRun: true,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+ (and PGlite): no extension to create,
    // which a production role usually may not do anyway.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: options.logging ?? false,
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
  });
}

/**
 * Opening the gateway store at start: connect, apply pending migrations (under a lock, see
 * StoreDataSource), hand back the DataSource the store functions take. Callers use only
 * those functions (recordDataMapSnapshot, saveSourceDescriptions, …): entities stay inside
 * `src/store`.
 */
import type { DataSource } from 'typeorm';
import { createStoreDataSource } from './store-data-source';
import type { StoreDataSourceOptions } from './store-data-source';

/** An open gateway store. Close it with `destroy()`. */
export type Store = DataSource;

/** Fails if the database is unreachable or a migration fails; TypeORM then closes the pool. */
export async function openStore(url: string, options?: StoreDataSourceOptions): Promise<Store> {
  const ds = createStoreDataSource(url, options);
  await ds.initialize(); // migrationsRun: pending migrations are applied here
  return ds;
}

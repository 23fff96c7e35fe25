/**
 * Seeds the demo world into a database: `npm run seed`, the embedded server's first start,
 * and the benchmarks all come through here. Rows stream from the generator in batches, so
 * a world of a million people needs no more memory than one of a thousand.
 */
import { seedWorld, worldTablesExist } from '../lib/seed-world';
import { demoDropDdl, demoAfterLoadDdl, demoTableDdl } from './ddl';
import { DEFAULT_DEMO_SEED, demoRowBatches } from './generate';
import { DEMO_TABLES } from './tables';

export interface SeedDemoOptions {
  readonly subjects: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export async function seedDemoWorld(
  databaseUrl: string,
  options: SeedDemoOptions,
): Promise<{ subjects: number; rows: number }> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const rows = await seedWorld(databaseUrl, {
    tables: DEMO_TABLES,
    drop: demoDropDdl(),
    create: demoTableDdl(),
    afterLoad: demoAfterLoadDdl(),
    batches: demoRowBatches({ subjects: options.subjects, seed }),
    label: `privgraph demo world: ${options.subjects} subjects, seed ${seed}`,
    ...(options.log ? { log: options.log } : {}),
  });
  return { subjects: options.subjects, rows };
}

/** Whether the demo world's tables are all there (the embedded server seeds only once). */
export async function isDemoWorldSeeded(databaseUrl: string): Promise<boolean> {
  return worldTablesExist(databaseUrl, DEMO_TABLES);
}

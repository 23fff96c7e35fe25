/**
 * The demo world is seeded on the first start of the embedded database only (issue #2):
 * a second start finds it and neither re-seeds nor duplicates. Against a real DATABASE_URL
 * nothing is seeded unless PRIVGRAPH_SEED_DEMO=always. Returns whether the map is the demo's.
 */
import path from 'node:path';
import type { DataMap } from '../core/datamap/model';
import { isDemoWorldSeeded, seedDemoWorld } from '../../seeds/demo/seed';
import type { GatewayConfig } from './config';

const DEMO_MAP = path.resolve(__dirname, '../../seeds/demo/datamap.yaml');

export async function seedDemoIfNeeded(
  config: GatewayConfig,
  map: DataMap,
  embedded: boolean,
  log: (line: string) => void,
): Promise<boolean> {
  const isDemoMap = path.resolve(map.sourceFile) === DEMO_MAP;
  if (config.PRIVGRAPH_SEED_DEMO === 'never') return isDemoMap;
  if (!isDemoMap || (!embedded && config.PRIVGRAPH_SEED_DEMO !== 'always')) return isDemoMap;
  const url = process.env.PRIVGRAPH_DEMO_DATABASE_URL;
  if (!url)
    throw new Error('PRIVGRAPH_DEMO_DATABASE_URL is not set: the demo world has nowhere to live');
  if (await isDemoWorldSeeded(url)) {
    log('demo world found (not re-seeded)');
    return true;
  }
  const started = Date.now();
  const seeded = await seedDemoWorld(url, { subjects: config.PRIVGRAPH_DEMO_SUBJECTS, log });
  log(
    `seeded the demo world: ${seeded.subjects} people, ${seeded.rows} rows in ${Date.now() - started} ms`,
  );
  return true;
}

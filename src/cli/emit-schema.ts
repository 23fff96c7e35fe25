/**
 * `npm run codegen` (first half) and `npm run schema:check`: emits the subject graph's SDL
 * for the demo data map to `schema/subject-graph.graphql` (with its `@pii` directives) and
 * the control plane's to `schema/control-plane.graphql`. Column types come from a real
 * source, so this boots an in-memory embedded PostgreSQL and seeds a tiny demo world.
 * `--check` writes nothing and fails when a committed file is stale (CI runs it).
 */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedDemoWorld } from '../../seeds/demo/seed';
import { startDemoConsultationService } from '../../seeds/demo/consultation-service/beside-gateway';
import { buildSubjectSchema } from '../graph/build-subject-schema';
import { checkSources } from '../graph/check-sources';
import { SourceRegistry } from '../graph/source-registry';
import { startEmbeddedPostgres } from '../server/embedded/start-embedded-postgres';
import { loadGatewayDataMap } from '../server/load-gateway-data-map';
import { printControlSchemaSdl } from '../control';
import type { TableDescription } from '../sources/connector';

const ROOT = path.resolve(__dirname, '../..');
const DEMO_MAP = path.join(ROOT, 'seeds/demo/datamap.yaml');

async function emit(): Promise<Record<string, string>> {
  const pg = await startEmbeddedPostgres({ dataDir: null });
  try {
    process.env.PRIVGRAPH_DEMO_DATABASE_URL = pg.url;
    await seedDemoWorld(pg.url, { subjects: 10 });
    // The demo's `support` system is an HTTP service: its endpoints are checked too.
    const support = await startDemoConsultationService(DEMO_MAP, process.env);
    const { map } = await loadGatewayDataMap(DEMO_MAP);
    const sources = new SourceRegistry(map, { poolSize: 1 });
    try {
      const none: readonly TableDescription[] = [];
      const check = await checkSources(map, sources, {
        load: async () => none,
        save: async () => undefined,
      });
      if (check.mismatches.length > 0 || check.unreachable.length > 0) {
        throw new Error(
          `the demo sources do not match the map: ${[...check.mismatches, ...check.unreachable.map((u) => u.error)].join('; ')}`,
        );
      }
      const { sdl } = buildSubjectSchema(map, check.descriptions, {
        maxSubjectsPerRequest: 1,
        maxRounds: 1,
      });
      return {
        'schema/subject-graph.graphql': sdl,
        'schema/control-plane.graphql': printControlSchemaSdl(),
      };
    } finally {
      await sources.close();
      await support?.stop();
    }
  } finally {
    await pg.stop();
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const files = await emit();
  let stale = 0;
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(ROOT, file);
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current === content) continue;
    if (check) {
      console.error(`${file} is stale: run \`npm run codegen\` and commit the result`);
      stale++;
    } else {
      await writeFile(target, content);
      console.log(`wrote ${file}`);
    }
  }
  if (check && stale === 0) console.log('emitted schema is up to date');
  return stale > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`emit-schema: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

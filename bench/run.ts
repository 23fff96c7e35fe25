/**
 * `npm run bench`: SPEC §9's figures on one machine, in three phases (docs/performance.md):
 * - `schema` (schema-build.ts): the schema build for a map of 200 collections / 2,000
 *   fields, and other sizes, each in a fresh process — needs no database;
 * - `lookup` (lookup-bench.ts): the performance baseline of issue #2, item 10 — a subject
 *   lookup through the gateway as a share of the floor's throughput, and the policy's cost;
 * - `requests` (requests-bench.ts, issue #5): access-export and erasure latency per person,
 *   and bulk erasure throughput, on throwaway copies of the world.
 * All by default, one with `--only`; the benchmark database is opened (and seeded) only for
 * the last two.
 *
 * Not part of `npm test` or CI: it needs minutes, a quiet machine, and says nothing by
 * pass/fail — except that it refuses to measure when the lookup's targets do not give the
 * same rows with the same statements.
 */
import { openBenchDatabase } from './bench-database';
import { parseBenchOptions } from './bench-options';
import { runLookupBench } from './lookup-bench';
import { describeMachine } from './machine';
import { writeRequestsReport, writeSchemaReport } from './report';
import { runRequestsBench } from './requests-bench';
import { printRequestsReport } from './requests-report';
import { runSchemaBench } from './schema-build';
import { printSchemaReport } from './schema-report';

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const startedAt = Date.now();
  if (options.phases.includes('schema')) {
    log('schema build: cold processes, no database');
    const report = await runSchemaBench(
      { runs: options.schemaRuns, profile: options.profile },
      log,
    );
    printSchemaReport(report);
    log(`wrote ${writeSchemaReport(report)}`);
  }
  if (options.phases.some((phase) => phase !== 'schema')) {
    const machine = describeMachine();
    const database = await openBenchDatabase(options, log);
    try {
      if (options.phases.includes('lookup')) await runLookupBench(database, options, machine);
      if (options.phases.includes('requests')) {
        log('rights requests: access export, erasure, bulk erasure');
        const report = await runRequestsBench(database, options, log);
        printRequestsReport(report);
        log(`wrote ${writeRequestsReport(report)}`);
      }
    } finally {
      await database.close();
    }
  }
  log(`${Math.round((Date.now() - startedAt) / 1000)} s in all`);
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

/**
 * The rights-request phase of `npm run bench` (SPEC §9, issue #5): access-export and
 * erasure latency per person, and bulk erasure throughput, through the service the gateway
 * runs (src/requests), over the bench's demo world. Erasure destroys what it erases, so
 * everything runs on throwaway copies of the world (world-copy.ts) — their store too, so
 * the requests and tasks made here vanish with them:
 * 1. one copy: a few people to warm up, then N people's access exports, one at a time,
 *    then the same N people's erasures, one at a time, each with an in-process worker;
 * 2. one copy per bulk run: M other people planned, approved, and erased at once by W worker
 *    processes.
 * The people are account holders present in every system (the most work per person),
 * spread over the world like the lookup's (sample-people.ts).
 */
import type { BenchDatabase } from './bench-database';
import type { BenchOptions } from './bench-options';
import { requestRunKeys } from './bench-keys';
import type { BulkFigures } from './bulk-erasure';
import { measureBulkErasure } from './bulk-erasure';
import { backgroundBusy, describeMachine } from './machine';
import { measureAccess, measureErasure } from './request-latency';
import type { RequestsReport } from './requests-report';
import { openRequestsRuntime } from './requests-runtime';
import { currentRevision } from './revision';
import { samplePhones } from './sample-people';
import { startDemoServices } from './start-services';
import { countStatements } from './target-ipc';
import type { TargetProcess } from './target-process';
import type { RequestsRuntime } from '../src/requests';
import { withWorldCopy } from './world-copy';

const WARMUP_PEOPLE = 10;

interface OnCopy {
  readonly rt: RequestsRuntime;
  readonly copy: { readonly url: string; readonly env: Readonly<Record<string, string>> };
  readonly services: readonly TargetProcess[];
}

/** A fresh copy of the world with its HTTP services and a request runtime over it. */
function onCopy<T>(
  worldUrl: string,
  keys: Readonly<Record<string, string>>,
  log: (line: string) => void,
  work: (copy: OnCopy) => Promise<T>,
): Promise<T> {
  return withWorldCopy(worldUrl, async (url) => {
    const children: TargetProcess[] = [];
    try {
      const { env: services, services: processes } = await startDemoServices(url, children, log);
      const env = { ...keys, ...services };
      const { runtime, close } = await openRequestsRuntime(url, env, (line) => log(`  ${line}`));
      try {
        return await work({ rt: runtime, copy: { url, env }, services: processes });
      } finally {
        await close();
      }
    } finally {
      await Promise.all(children.map((child) => child.stop()));
    }
  });
}

export async function runRequestsBench(
  database: BenchDatabase,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<RequestsReport> {
  if (database.engine !== 'postgresql')
    throw new Error(
      'the rights-request phase needs PostgreSQL: it erases people on copies of the world (CREATE DATABASE … TEMPLATE); run it with --only lookup on the embedded database',
    );
  const startedAt = Date.now();
  const machine = describeMachine();
  const wanted = WARMUP_PEOPLE + options.requestPeople + options.bulkPeople;
  const phones = await samplePhones(database.url, wanted);
  if (phones.length < wanted)
    throw new Error(`only ${phones.length} people are in every system; ${wanted} are needed`);
  const warmup = phones.slice(0, WARMUP_PEOPLE);
  const timed = phones.slice(WARMUP_PEOPLE, WARMUP_PEOPLE + options.requestPeople);
  const bulkPeople = phones.slice(WARMUP_PEOPLE + options.requestPeople);
  const background = await backgroundBusy();
  const keys = requestRunKeys();
  countStatements();

  const latency = await onCopy(database.url, keys, log, async ({ rt }) => {
    await measureAccess(rt, warmup);
    await measureErasure(rt, warmup);
    log(`access export of ${timed.length} people, one at a time`);
    const access = await measureAccess(rt, timed);
    log(`erasure of the same ${timed.length} people, one at a time`);
    const erasure = await measureErasure(rt, timed);
    return { access, erasure };
  });
  const bulk: BulkFigures[] = [];
  for (const workers of options.bulkWorkers)
    bulk.push(
      await onCopy(database.url, keys, log, ({ rt, copy, services }) =>
        measureBulkErasure(rt, copy, services, workers, bulkPeople, log),
      ),
    );

  const { url: _url, close: _close, ...databaseInfo } = database;
  return {
    date: new Date().toISOString(),
    revision: currentRevision(),
    machine: { ...machine, backgroundBusy: background },
    database: databaseInfo,
    options: {
      requestPeople: options.requestPeople,
      warmupPeople: WARMUP_PEOPLE,
      bulkPeople: options.bulkPeople,
      bulkWorkers: options.bulkWorkers,
      people:
        'account holders present in every system, spread over the world by a hash of their id, named by phone',
    },
    ...latency,
    bulk,
    seconds: Math.round((Date.now() - startedAt) / 1000),
  };
}

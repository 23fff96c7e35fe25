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
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchDatabase } from './bench-database';
import type { BenchOptions } from './bench-options';
import { requestRunKeys } from './bench-keys';
import type { BulkFigures } from './bulk-erasure';
import { measureBulkErasure } from './bulk-erasure';
import type { MachineInfo } from './machine';
import { backgroundBusy, describeMachine } from './machine';
import { withCost } from './phase-cost';
import { countStatementsBySide } from './request-timing';
import type { CostProbe } from './request-latency';
import { measureAccess, measureErasure, NO_COST } from './request-latency';
import type { RequestsReport } from './requests-report';
import { openRequestsRuntime } from './requests-runtime';
import { currentRevision } from './revision';
import { samplePhones } from './sample-people';
import { startDemoServices } from './start-services';
import type { TargetProcess } from './target-process';
import type { RequestsRuntime } from '../src/requests';
import { withWorldCopy } from './world-copy';

const WARMUP_PEOPLE = 10;

interface OnCopy {
  readonly rt: RequestsRuntime;
  readonly copy: { readonly url: string; readonly env: Readonly<Record<string, string>> };
  readonly services: readonly TargetProcess[];
}

/** A fresh copy of the world with its HTTP services and a request runtime over it; `keys`
 * also carries the audit settings every process of the run shares. */
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
  // The audit trail is on, as in a gateway (SPEC §7: every transition and source write);
  // its signed checkpoints go to a file of this run's, not the data directory's.
  const auditDir = mkdtempSync(path.join(os.tmpdir(), 'privgraph-bench-audit-'));
  const keys = {
    ...requestRunKeys(),
    PRIVGRAPH_AUDIT: 'on',
    PRIVGRAPH_AUDIT_CHECKPOINT_FILE: path.join(auditDir, 'audit-checkpoints.jsonl'),
  };
  countStatementsBySide();
  try {
    const latency = await onCopy(database.url, keys, log, async ({ rt, copy, services }) => {
      const probe: CostProbe = (work, requests) => withCost(copy.url, services, work, requests);
      await measureAccess(rt, warmup, NO_COST);
      await measureErasure(rt, warmup, NO_COST);
      log(`access export of ${timed.length} people, one at a time`);
      const access = await measureAccess(rt, timed, probe);
      log(`erasure of the same ${timed.length} people, one at a time`);
      const erasure = await measureErasure(rt, timed, probe);
      return { access, erasure };
    });
    const bulk: BulkFigures[] = [];
    for (const workers of options.bulkWorkers)
      bulk.push(
        await onCopy(database.url, keys, log, ({ rt, copy, services }) =>
          measureBulkErasure(rt, copy, services, workers, bulkPeople, log),
        ),
      );
    return report(database, options, { machine, background, startedAt }, latency, bulk);
  } finally {
    rmSync(auditDir, { recursive: true, force: true });
  }
}

function report(
  database: BenchDatabase,
  options: BenchOptions,
  run: { machine: MachineInfo; background: number | null; startedAt: number },
  latency: Pick<RequestsReport, 'access' | 'erasure'>,
  bulk: readonly BulkFigures[],
): RequestsReport {
  const { url: _url, close: _close, ...databaseInfo } = database;
  return {
    date: new Date().toISOString(),
    revision: currentRevision(),
    machine: { ...run.machine, backgroundBusy: run.background },
    database: databaseInfo,
    options: {
      requestPeople: options.requestPeople,
      warmupPeople: WARMUP_PEOPLE,
      bulkPeople: options.bulkPeople,
      bulkWorkers: options.bulkWorkers,
      people:
        'account holders present in every system, spread over the world by a hash of their id, named by phone',
      audit: 'on',
    },
    ...latency,
    bulk,
    seconds: Math.round((Date.now() - run.startedAt) / 1000),
  };
}

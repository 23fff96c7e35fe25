/**
 * The rights-request service of one gateway process (SPEC §6): its runtime (store, map,
 * sources, policy, keys, holiday calendar) and a worker sharing the store's task table with
 * every other replica. The calendar is checked at start: a gateway that cannot count due
 * dates refuses to start rather than guess.
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { AuditEventContent } from '../core/audit/audit-event';
import { holidayCalendarOrThrow } from '../core/calendar/parse-holiday-calendar';
import { loadHolidayCalendar } from '../core/calendar/load-holiday-calendar';
import { formatProblem } from '../core/datamap/data-map-error';
import { deriveSealKey } from '../core/crypto/seal';
import type { DataMap } from '../core/datamap/model';
import type { DeidentifyKeys } from '../core/deidentify/keys';
import type { Policy } from '../core/policy/model';
import { buildTraversalGraph } from '../core/traversal/traversal-graph';
import type { SourceRegistry } from '../graph/source-registry';
import type { RequestsRuntime, RequestWorker } from '../requests';
import { createRequestWorker, REQUEST_TASK_HANDLERS } from '../requests';
import type { TableDescription } from '../sources/connector';
import { purgeExpiredPackages } from '../store';
import { erasureWarnings } from '../requests/erasure-warnings';
import type { DeploymentKeys } from './keys';

export interface RequestsSetup {
  readonly store: DataSource;
  readonly map: DataMap;
  readonly sources: SourceRegistry;
  readonly descriptions: ReadonlyMap<string, readonly TableDescription[]>;
  readonly policy: Policy;
  readonly keys: DeploymentKeys;
  readonly deidentify: DeidentifyKeys;
  readonly calendarFile: string;
  readonly exportTtlHours: number;
  readonly maxRounds: number;
  /** Worker poll interval; 0 runs no worker in this process. */
  readonly workerPollMs: number;
  readonly log: (line: string) => void;
  /** The audit writer's `record` (SPEC §7): every request transition and source write. */
  readonly audit?: (events: readonly AuditEventContent[]) => Promise<void>;
}

export async function startRequests(
  setup: RequestsSetup,
): Promise<{ runtime: RequestsRuntime; worker?: RequestWorker; stop(): Promise<void> }> {
  const loaded = await loadHolidayCalendar(path.resolve(setup.calendarFile));
  const calendar = holidayCalendarOrThrow(loaded);
  if (loaded.ok)
    for (const warning of loaded.warnings) setup.log(`holiday calendar: ${formatProblem(warning)}`);
  const runtime: RequestsRuntime = {
    store: setup.store,
    map: setup.map,
    traversal: buildTraversalGraph(setup.map),
    sources: setup.sources,
    descriptions: setup.descriptions,
    policy: setup.policy,
    keys: {
      hashKey: setup.keys.hashKey,
      sealKey: deriveSealKey(setup.keys.tokenizeKey, 'store'),
      deidentify: setup.deidentify,
    },
    calendar,
    now: () => new Date(),
    exportTtlMs: setup.exportTtlHours * 3_600_000,
    maxRounds: setup.maxRounds,
    log: setup.log,
    ...(setup.audit ? { audit: setup.audit } : {}),
  };
  setup.log(
    `rights requests: due dates on ${calendar.name} (${calendar.firstDate} to ${calendar.lastDate})`,
  );
  for (const warning of erasureWarnings(setup.map, setup.descriptions))
    setup.log(`warning: ${warning}`);
  // Expired export packages lose their ciphertext (SPEC §6 "export packages … expire"); the
  // hash stays as evidence of what was sent. Every replica may run it: the update is idempotent.
  const purge = async () => {
    const purged = await purgeExpiredPackages(setup.store, new Date()).catch(() => 0);
    if (purged > 0) setup.log(`rights requests: purged ${purged} expired export package(s)`);
  };
  await purge();
  const purgeTimer = setInterval(() => void purge(), PURGE_INTERVAL_MS);
  purgeTimer.unref();
  const worker =
    setup.workerPollMs > 0
      ? createRequestWorker(runtime, REQUEST_TASK_HANDLERS, { pollMs: setup.workerPollMs })
      : undefined;
  return {
    runtime,
    ...(worker ? { worker } : {}),
    async stop() {
      clearInterval(purgeTimer);
      await worker?.stop();
    },
  };
}

const PURGE_INTERVAL_MS = 10 * 60_000;

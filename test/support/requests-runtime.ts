/**
 * A RequestsRuntime for tests, wired from the same parts the gateway wires at start
 * (src/server/start-requests.ts) — the store on the run's test database, a SourceRegistry
 * over the data map with the start-up source check, the holiday calendar, the policy — no
 * mocks. `buildRequestsRuntime` takes a parsed map and policy (test/support/requests-world.ts
 * makes its own); `startRequestsRuntime` loads a map and policy file (the seeded demo and
 * Acme worlds).
 *
 * One store, one task table: every test file's workers drain the same queue. A test
 * deployment is its data map: runtimes over the same map are replicas of one deployment and
 * share a seal key (a task one of them enqueued, another may run, with the same result);
 * runtimes over different maps (each requests world's names its own schema) cannot open
 * each other's requests, so a worker that claims a task of another world fails it — the
 * task is retried — rather than running it against the wrong tables. `settleRequests`
 * waits for such retries instead of trusting an empty queue.
 */
import type { DataSource } from 'typeorm';
import { holidayCalendarOrThrow } from '../../src/core/calendar/parse-holiday-calendar';
import { loadHolidayCalendar } from '../../src/core/calendar/load-holiday-calendar';
import { deriveSealKey } from '../../src/core/crypto/seal';
import type { DataMap } from '../../src/core/datamap/model';
import type { Policy } from '../../src/core/policy/model';
import type { RequestStatus } from '../../src/core/requests/model';
import { buildTraversalGraph } from '../../src/core/traversal/traversal-graph';
import { checkSources } from '../../src/graph/check-sources';
import type { SourceRegistryOptions } from '../../src/graph/source-registry';
import { SourceRegistry } from '../../src/graph/source-registry';
import type { RequestsRuntime } from '../../src/requests';
import { createRequestWorker, REQUEST_TASK_HANDLERS } from '../../src/requests';
import type { RequestRecord } from '../../src/store';
import { getRequest, openStore } from '../../src/store';
import { HOLIDAY_CALENDAR, TEST_KEYS, loadMap, loadPolicy } from './gateway-harness';
import { requireTestDatabaseUrl } from './test-database';

export interface TestRequestsRuntime {
  readonly runtime: RequestsRuntime;
  /** Closes the sources and the store (the worlds' data stays). */
  close(): Promise<void>;
}

export interface RequestsRuntimeParts {
  readonly map: DataMap;
  readonly policy: Policy;
  /** Seals requests, plans and packages; default: the map's (see the module comment). */
  readonly sealKey?: Buffer;
  readonly now?: () => Date;
  readonly sources?: SourceRegistryOptions;
  /** The gateway store; default: the run's test database (where the seeded worlds are). */
  readonly storeUrl?: string;
}

export async function buildRequestsRuntime(
  parts: RequestsRuntimeParts,
): Promise<TestRequestsRuntime> {
  const { map, policy } = parts;
  const calendar = holidayCalendarOrThrow(await loadHolidayCalendar(HOLIDAY_CALENDAR));
  const store: DataSource = await openStore(parts.storeUrl ?? requireTestDatabaseUrl(), {
    poolSize: 2,
  });
  const sources = new SourceRegistry(map, { poolSize: 2, ...parts.sources });
  const close = async () => {
    await sources.close();
    await store.destroy();
  };
  const check = await checkSources(map, sources, {
    load: () => Promise.resolve([]),
    save: () => Promise.resolve(),
  });
  const problems = [
    ...check.mismatches,
    ...check.unreachable.map((u) => `${u.system}: ${u.error}`),
  ];
  if (problems.length > 0) {
    await close();
    throw new Error(`the sources do not match the map:\n${problems.join('\n')}`);
  }
  const runtime: RequestsRuntime = {
    store,
    map,
    traversal: buildTraversalGraph(map),
    sources,
    descriptions: check.descriptions,
    policy,
    keys: {
      // the gateways' hash key: consent recorded here is the consent they read
      hashKey: TEST_KEYS.hashKey,
      sealKey: parts.sealKey ?? deriveSealKey(Buffer.from(map.contentHash, 'utf8'), 'store'),
      deidentify: TEST_KEYS,
    },
    calendar,
    now: parts.now ?? (() => new Date()),
    exportTtlMs: 3_600_000,
    maxRounds: 32,
    log: () => undefined,
  };
  return { runtime, close };
}

/** A runtime over a map file and a policy file (the seeded demo and Acme worlds). */
export async function startRequestsRuntime(
  mapFile: string,
  policyFile: string,
): Promise<TestRequestsRuntime> {
  const map = loadMap(mapFile);
  return buildRequestsRuntime({ map, policy: loadPolicy(policyFile, map) });
}

/** Statuses in which a request waits for nobody but a worker. */
const WORKING: readonly RequestStatus[] = ['approved', 'in_progress', 'partial'];

/**
 * Runs tasks with a worker of this runtime until none of `ids` is still being worked on,
 * and returns them. Polls: a task another file's worker claimed and failed comes back only
 * after its retry delay.
 */
export async function settleRequests(
  rt: RequestsRuntime,
  ids: readonly string[],
  timeoutMs = 45_000,
): Promise<RequestRecord[]> {
  // a short retry delay: a task of another file that this worker cannot run is back soon
  const worker = createRequestWorker(rt, REQUEST_TASK_HANDLERS, { retryDelayMs: 100 });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await worker.drain();
    const requests = await Promise.all(ids.map((id) => getRequest(rt.store, id)));
    const settled = requests.filter(
      (r): r is RequestRecord => r !== null && !WORKING.includes(r.status),
    );
    if (settled.length === ids.length) return settled;
    if (Date.now() > deadline)
      throw new Error(
        `requests still being worked on after ${timeoutMs} ms: ${requests
          .map((r) => `${r?.id} ${r?.status} ${JSON.stringify(r?.result ?? null)}`)
          .join('; ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

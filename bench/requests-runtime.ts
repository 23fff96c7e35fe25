/**
 * The rights-request service as a gateway process runs it, without the HTTP front: the
 * pieces `startGateway` wires at start (src/server/start-gateway.ts) — configuration from
 * the environment, the deployment's keys, the store (migrations), the data map and its
 * policy, a SourceRegistry checked against the sources, the audit trail — handed to the
 * same `startRequests`, with no polling worker of its own (the caller drains one, or forks
 * worker processes). Used by the rights-request phase in the orchestrator and by
 * request-worker-process.ts.
 */
import 'reflect-metadata';
import { deriveDeidentifyKeys } from '../src/core/deidentify/keys';
import { checkSources } from '../src/graph/check-sources';
import { SourceRegistry } from '../src/graph/source-registry';
import type { RequestsRuntime } from '../src/requests';
import { readConfig } from '../src/server/config';
import { loadDeploymentKeys, policyFileBeside } from '../src/server/keys';
import { loadGatewayDataMap } from '../src/server/load-gateway-data-map';
import { loadGatewayPolicy } from '../src/server/load-gateway-policy';
import { startAudit } from '../src/server/start-audit';
import { startRequests } from '../src/server/start-requests';
import { loadSourceDescriptions, openStore, saveSourceDescriptions } from '../src/store';

export interface BenchRequestsRuntime {
  readonly runtime: RequestsRuntime;
  close(): Promise<void>;
}

/**
 * `databaseUrl` holds the demo world and the store (schema `privgraph`), as in the bench's
 * gateways; `env` carries the keys (bench-keys.ts `requestRunKeys`), the audit settings and
 * where the demo's HTTP services are. The demo map names its sources by `${PRIVGRAPH_DEMO_DATABASE_URL}` and
 * `${SUPPORT_SERVICE_URL}`, read from the process: they are set for as long as the runtime
 * is open.
 */
export async function openRequestsRuntime(
  databaseUrl: string,
  env: Readonly<Record<string, string>>,
  log: (line: string) => void,
): Promise<BenchRequestsRuntime> {
  const variables = { ...env, PRIVGRAPH_DEMO_DATABASE_URL: databaseUrl };
  const saved = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, variables);
  const restoreEnv = () => {
    for (const [name, value] of saved)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  };
  const cleanup: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    restoreEnv();
  };
  try {
    const config = readConfig({ ...process.env, DATABASE_URL: databaseUrl });
    const keys = await loadDeploymentKeys(config, config.dataDir);
    const store = await openStore(databaseUrl);
    cleanup.push(() => store.destroy());
    const { map } = await loadGatewayDataMap(config.PRIVGRAPH_DATAMAP);
    const policyFile = config.PRIVGRAPH_POLICY ?? policyFileBeside(map.sourceFile);
    const { policy } = await loadGatewayPolicy(policyFile, map);
    const sources = new SourceRegistry(map, {
      poolSize: config.PRIVGRAPH_SOURCE_POOL_SIZE,
      connectTimeoutMs: config.PRIVGRAPH_SOURCE_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: config.PRIVGRAPH_SOURCE_QUERY_TIMEOUT_MS,
    });
    cleanup.push(() => sources.close());
    const check = await checkSources(map, sources, {
      load: (system) => loadSourceDescriptions(store, system),
      save: (system, tables) => saveSourceDescriptions(store, system, map.contentHash, [...tables]),
    });
    const problems = [
      ...check.mismatches,
      ...check.unreachable.map((down) => `${down.system}: ${down.error}`),
    ];
    if (problems.length > 0)
      throw new Error(`the sources do not match the map or do not answer:\n${problems.join('\n')}`);
    // as startGateway: every request transition and source write is audited (SPEC §7)
    const audit =
      config.PRIVGRAPH_AUDIT === 'on'
        ? startAudit(store, keys.hashKey, {
            dataDir: config.dataDir,
            ...(config.PRIVGRAPH_AUDIT_CHECKPOINT_FILE
              ? { checkpointFile: config.PRIVGRAPH_AUDIT_CHECKPOINT_FILE }
              : {}),
          })
        : undefined;
    if (audit) cleanup.push(() => audit.writer.close());
    const requests = await startRequests({
      store,
      map,
      sources,
      descriptions: check.descriptions,
      policy,
      keys,
      // as startGateway: `hash` with the deployment's hash key, `tokenize` keys derived
      deidentify: { ...deriveDeidentifyKeys(keys.tokenizeKey), hashKey: keys.hashKey },
      calendarFile: config.PRIVGRAPH_HOLIDAY_CALENDAR,
      exportTtlHours: config.PRIVGRAPH_EXPORT_TTL_HOURS,
      maxRounds: config.PRIVGRAPH_MAX_TRAVERSAL_ROUNDS,
      workerPollMs: 0,
      log,
      ...(audit ? { audit: audit.writer.record } : {}),
    });
    cleanup.push(() => requests.stop());
    return { runtime: requests.runtime, close };
  } catch (error) {
    await close();
    throw error;
  }
}

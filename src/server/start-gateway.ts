/**
 * Start-up, in order (SPEC §8): lock and boot the embedded database when no DATABASE_URL is
 * given, open the store (migrations), load and validate the data map, seed the demo world
 * on first start only, snapshot the map, check every source against the map, build the
 * graph, serve HTTP. Each step fails with a message saying what to fix.
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { DataMap } from '../core/datamap/model';
import { checkSources } from '../graph/check-sources';
import { locateSourceProblems } from './locate-source-problems';
import { SourceRegistry } from '../graph/source-registry';
import {
  loadConsentStates,
  loadSourceDescriptions,
  openStore,
  recordPolicySnapshot,
  pingStore,
  recordDataMapSnapshot,
  saveSourceDescriptions,
} from '../store';
import type { GatewayConfig } from './config';
import { startEmbeddedPostgres } from './embedded/start-embedded-postgres';
import { lockDataDir } from './embedded/data-dir-lock';
import { createGatewayApp } from './gateway-app';
import { startHttpServer } from './http-server';
import type { DemoToken, DeploymentKeys } from './keys';
import { loadDeploymentKeys, policyFileBeside, prepareAuthentication } from './keys';
import { loadGatewayDataMap } from './load-gateway-data-map';
import { loadGatewayPolicy } from './load-gateway-policy';
import { seedDemoConsents } from './seed-demo-consents';
import { seedDemoHolds } from './seed-demo-holds';
import { deriveDeidentifyKeys } from '../core/deidentify/keys';
import type { DeidentifyKeys } from '../core/deidentify/keys';
import { seedDemoIfNeeded } from './seed-demo-if-needed';
import { startDemoConsultationService } from '../../seeds/demo/consultation-service/beside-gateway';
import { startRequests } from './start-requests';
import { startAudit, versionEvent } from './start-audit';

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly map: DataMap;
  /** Serving the demo world's map (the banner then shows a demo person). */
  readonly demo: boolean;
  /** The deployment's keys (token verification, hash, tokenize). */
  readonly keys: DeploymentKeys;
  /** One token per policy role when the token key is the generated demo secret. */
  readonly demoTokens: readonly DemoToken[];
  stop(): Promise<void>;
}

export async function startGateway(
  config: GatewayConfig,
  log: (line: string) => void,
): Promise<RunningGateway> {
  const cleanup: { name: string; run: () => Promise<void> }[] = [];
  const onStop = (name: string, run: () => Promise<void>) => cleanup.push({ name, run });
  const stop = async () => {
    for (const step of cleanup.splice(0).reverse()) {
      const started = Date.now();
      await step.run().catch((error: Error) => log(`shutdown: ${step.name}: ${error.message}`));
      if (config.PRIVGRAPH_LOG_LEVEL === 'debug')
        log(`shutdown: ${step.name} in ${Date.now() - started} ms`);
    }
  };
  try {
    // Keys first: production refuses missing or demo keys before anything starts.
    const keys = await loadDeploymentKeys(config, config.dataDir);
    for (const note of keys.notes) log(`keys: ${note}`);

    let storeUrl = config.DATABASE_URL;
    let embedded = false;
    if (!storeUrl) {
      onStop('data directory lock', await lockDataDir(config.dataDir));
      const started = Date.now();
      const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, port: 0, log });
      onStop('embedded PostgreSQL', () => pg.stop());
      log(
        `embedded PostgreSQL (PGlite) ready in ${Date.now() - started} ms, data in ${config.dataDir}`,
      );
      storeUrl = pg.url;
      embedded = true;
      process.env.PRIVGRAPH_DEMO_DATABASE_URL ??= pg.url;
    }
    const store: DataSource = await openStore(storeUrl);
    onStop('store', () => store.destroy());

    // The demo's customer-service desk is an HTTP service (issue #4 item 5): started beside
    // the gateway before the map is read, so the map's ${SUPPORT_SERVICE_URL} names it.
    const support = await startDemoConsultationService(config.PRIVGRAPH_DATAMAP, process.env);
    if (support) {
      onStop('consultation service', () => support.stop());
      log(`demo consultation service (system "support") on ${support.url}`);
    }

    const { map, text } = await loadGatewayDataMap(config.PRIVGRAPH_DATAMAP);
    const policyFile = config.PRIVGRAPH_POLICY ?? policyFileBeside(map.sourceFile);
    const loadedPolicy = await loadGatewayPolicy(policyFile, map);
    const policy = loadedPolicy.policy;
    const demo = await seedDemoIfNeeded(config, map, embedded, log);
    if (demo && process.env.PRIVGRAPH_DEMO_DATABASE_URL && config.PRIVGRAPH_SEED_DEMO !== 'never') {
      const seeded = await seedDemoConsents(
        store,
        process.env.PRIVGRAPH_DEMO_DATABASE_URL,
        keys.hashKey,
      );
      if (seeded > 0) log(`recorded ${seeded} demo consent events in the store`);
      const holds = await seedDemoHolds(store, {
        subjects: config.PRIVGRAPH_DEMO_SUBJECTS,
        hashKey: keys.hashKey,
        sharedKinds: new Set(
          [...map.identities.values()].filter((k) => k.shared).map((k) => k.name),
        ),
      });
      if (holds > 0) log(`placed ${holds} demo legal holds in the store`);
    }
    const audit =
      config.PRIVGRAPH_AUDIT === 'on'
        ? startAudit(store, keys.hashKey, {
            dataDir: config.dataDir,
            ...(config.PRIVGRAPH_AUDIT_CHECKPOINT_FILE
              ? { checkpointFile: config.PRIVGRAPH_AUDIT_CHECKPOINT_FILE }
              : {}),
          })
        : undefined;
    if (audit) {
      onStop('audit trail', () => audit.writer.close());
      log(`audit trail: checkpoints signed into ${audit.checkpoints.file}`);
    } else log('WARNING: PRIVGRAPH_AUDIT=off: no audit trail; for benchmarks only');
    const policySnapshot = await recordPolicySnapshot(store, {
      contentHash: policy.contentHash,
      sourceFile: path.relative(process.cwd(), policy.sourceFile),
      content: loadedPolicy.text,
      roles: policy.roles.size,
    });
    const mapSnapshot = await recordDataMapSnapshot(store, {
      contentHash: map.contentHash,
      sourceFile: path.relative(process.cwd(), map.sourceFile),
      content: text,
      systems: map.systems.length,
      collections: map.systems.reduce((n, s) => n + s.collections.length, 0),
    });
    await audit?.writer.record([
      ...(policySnapshot.created
        ? [
            versionEvent(
              'policy',
              policy.contentHash,
              path.relative(process.cwd(), policy.sourceFile),
            ),
          ]
        : []),
      ...(mapSnapshot.created
        ? [versionEvent('datamap', map.contentHash, path.relative(process.cwd(), map.sourceFile))]
        : []),
    ]);

    const sources = new SourceRegistry(map, {
      poolSize: config.PRIVGRAPH_SOURCE_POOL_SIZE,
      connectTimeoutMs: config.PRIVGRAPH_SOURCE_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: config.PRIVGRAPH_SOURCE_QUERY_TIMEOUT_MS,
    });
    onStop('sources', () => sources.close());
    const check = await checkSources(map, sources, {
      load: (system) => loadSourceDescriptions(store, system),
      save: (system, tables) => saveSourceDescriptions(store, system, map.contentHash, [...tables]),
    });
    const located = locateSourceProblems(map.sourceFile, check.problems);
    const errors = located.filter((_, i) => check.problems[i]?.severity === 'error');
    if (errors.length > 0) {
      throw new Error(
        `the data map ${map.sourceFile} does not match its sources:\n${errors.map((m) => `  - ${m}`).join('\n')}\n` +
          "Fix the map (a collection's table:, a field's column:, primaryKey:, an HTTP service's endpoints:) or the source, then start again.",
      );
    }
    for (const [i, warning] of located.entries())
      if (check.problems[i]?.severity === 'warning') log(`warning: ${warning}`);
    for (const down of check.unreachable)
      log(
        `warning: source "${down.system}" is unreachable (${down.error}); serving the other systems`,
      );

    if (!config.enforceAccess)
      log(
        'WARNING: PRIVGRAPH_ENFORCE_ACCESS=off: field-level access is OFF, every personal field ' +
          'is served raw to any authenticated caller; for benchmarks only, never with real data',
      );
    const requests = await startRequests({
      store,
      map,
      sources,
      descriptions: check.descriptions,
      policy,
      keys,
      deidentify: deidentifyKeysOf(keys),
      calendarFile: config.PRIVGRAPH_HOLIDAY_CALENDAR,
      exportTtlHours: config.PRIVGRAPH_EXPORT_TTL_HOURS,
      maxRounds: config.PRIVGRAPH_MAX_TRAVERSAL_ROUNDS,
      workerPollMs: config.PRIVGRAPH_REQUEST_WORKER_POLL_MS,
      log,
      ...(audit ? { audit: audit.writer.record } : {}),
    });
    onStop('rights requests (worker, package purge)', () => requests.stop());

    const app = await createGatewayApp({
      map,
      sources,
      descriptions: check.descriptions,
      maxSubjectsPerRequest: config.PRIVGRAPH_MAX_SUBJECTS_PER_REQUEST,
      maxRounds: config.PRIVGRAPH_MAX_TRAVERSAL_ROUNDS,
      log,
      requests: requests.runtime,
      ...(audit
        ? {
            audit: { store, chainKey: audit.chainKey, checkpoints: audit.checkpoints },
          }
        : {}),
      // Off only to measure what enforcement costs (config.ts refuses it in production): the
      // same path as the tests' `withoutPolicy`, no shield, no privacy plugin, no facts.
      ...(config.enforceAccess
        ? {
            access: {
              policy,
              keys: deidentifyKeysOf(keys),
              readConsents: (groups) => loadConsentStates(store, groups),
              ...(audit ? { audit: (events) => audit.writer.record(events) } : {}),
            },
          }
        : {}),
    });
    onStop('apollo', () => app.apollo.stop());
    const auth = await prepareAuthentication(config, keys, log, new Set(policy.roles.keys()));
    const http = await startHttpServer(app, {
      port: config.PORT,
      host: config.HOST,
      authenticate: auth.authenticate,
      requests: { runtime: requests.runtime, policy },
      readiness: {
        async check() {
          const checks: Record<string, { ok: boolean; error?: string }> = {};
          checks.store = await pingStore(store).then(
            () => ({ ok: true }),
            (error: Error) => ({ ok: false, error: error.message }),
          );
          await Promise.all(
            sources.all().map(async (connector) => {
              const health = await connector.health();
              checks[`source:${connector.system}`] = health.ok
                ? { ok: true }
                : { ok: false, error: health.error };
            }),
          );
          return { ready: Object.values(checks).every((c) => c.ok), checks };
        },
      },
    });
    onStop('http', () => http.close());
    const url = `http://localhost:${http.port}/graphql`;
    return { url, port: http.port, map, demo, keys, demoTokens: auth.demoTokens, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `hash` uses the deployment's hash key as is; `tokenize` derives its two keys from the
 * deployment's tokenize key (HKDF), so the two secrets stay independent. */
function deidentifyKeysOf(keys: DeploymentKeys): DeidentifyKeys {
  const { tokenEncKey, tokenMacKey } = deriveDeidentifyKeys(keys.tokenizeKey);
  return { hashKey: keys.hashKey, tokenEncKey, tokenMacKey };
}

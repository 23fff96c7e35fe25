/**
 * One cold schema build, in a fresh process (the schema-build phase, schema-build.ts): the
 * steps `startGateway` takes from reading the data map to a started Apollo Server, with the
 * gateway's own functions and configuration defaults — load and validate the map
 * (`loadGatewayDataMap`), load the policy against it (`loadGatewayPolicy`), create the
 * source registry, and `createGatewayApp` with field-level access on (subject schema,
 * control schema, merge, graphql-shield middleware, `apollo.start()`).
 *
 * Left out, because they are not the schema's build: the store (migrations, snapshots), the
 * audit trail, the rights-request service (whose runtime the control plane only reads per
 * request) and the check of the sources. The sources are never reached: the map names hosts
 * that do not resolve, and the descriptions are what `checkSources` hands on when every
 * source is down on a first start (an empty list per system, so each field's declared type
 * or `string`). Every socket the process opens and every statement it sends is counted and
 * reported: the build must send none.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { TableDescription } from '../src/sources/connector';
import { deriveDeidentifyKeys } from '../src/core/deidentify/keys';
import { SourceRegistry } from '../src/graph/source-registry';
import { readConfig } from '../src/server/config';
import { createGatewayApp } from '../src/server/gateway-app';
import { loadGatewayDataMap } from '../src/server/load-gateway-data-map';
import { loadGatewayPolicy } from '../src/server/load-gateway-policy';

/** Milliseconds of each step; `code` is from the process's start to its first line. */
export interface SchemaBuildTimings {
  readonly code: number;
  readonly map: number;
  readonly policy: number;
  readonly registry: number;
  readonly app: number;
  /** map + policy + registry + app: the build. */
  readonly build: number;
  /** CPU time (user + system) of the process during the build: wall ≫ CPU means it waited
   * for a core, i.e. the machine was busy with other work. */
  readonly buildCpu: number;
}

export interface SchemaBuildResult {
  readonly timings: SchemaBuildTimings;
  readonly systems: number;
  readonly collections: number;
  readonly fields: number;
  readonly roles: number;
  readonly types: number;
  readonly sdlBytes: number;
  readonly sockets: number;
  readonly statements: number;
  /** What the gateway would have logged while building. */
  readonly log: readonly string[];
  /** The build's window in the process's monotonic clock (µs), the clock of `--cpu-prof`. */
  readonly window: readonly [number, number];
}

export type FromSchemaBuild =
  { type: 'built'; result: SchemaBuildResult } | { type: 'failed'; error: string };

let sockets = 0;
let statements = 0;

function countConnections(): void {
  const socket = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => unknown };
  const connect = socket.connect;
  socket.connect = function countedConnect(this: unknown, ...args: unknown[]): unknown {
    sockets++;
    return connect.apply(this, args);
  };
  const client = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = client.query;
  client.query = function countedQuery(this: unknown, ...args: unknown[]): unknown {
    statements++;
    return query.apply(this, args);
  };
}

async function build(): Promise<SchemaBuildResult> {
  const code = performance.now();
  countConnections();
  const config = readConfig(process.env);
  const log: string[] = [];
  const clock = () => Number(process.hrtime.bigint() / 1000n);
  const from = clock();
  const cpuBefore = process.cpuUsage();
  const step = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const value = await run();
    return [value, performance.now() - started];
  };

  const [{ map }, map_] = await step(() => loadGatewayDataMap(config.PRIVGRAPH_DATAMAP));
  const policyFile = config.PRIVGRAPH_POLICY;
  if (!policyFile) throw new Error('PRIVGRAPH_POLICY is not set');
  const [{ policy }, policy_] = await step(() => loadGatewayPolicy(policyFile, map));
  const [sources, registry] = await step(
    () =>
      new SourceRegistry(map, {
        poolSize: config.PRIVGRAPH_SOURCE_POOL_SIZE,
        connectTimeoutMs: config.PRIVGRAPH_SOURCE_CONNECT_TIMEOUT_MS,
        queryTimeoutMs: config.PRIVGRAPH_SOURCE_QUERY_TIMEOUT_MS,
      }),
  );
  const descriptions = new Map<string, readonly TableDescription[]>(
    sources.all().map((connector) => [connector.system, []]),
  );
  // As start-gateway.ts's deidentifyKeysOf: the hash key as is, the token keys derived.
  const { tokenEncKey, tokenMacKey } = deriveDeidentifyKeys(randomBytes(32));
  const [app, app_] = await step(() =>
    createGatewayApp({
      map,
      sources,
      descriptions,
      maxSubjectsPerRequest: config.PRIVGRAPH_MAX_SUBJECTS_PER_REQUEST,
      maxRounds: config.PRIVGRAPH_MAX_TRAVERSAL_ROUNDS,
      log: (line) => log.push(line),
      access: {
        policy,
        keys: { hashKey: randomBytes(32), tokenEncKey, tokenMacKey },
        // Consents are read per request, never while building; a read here is a finding.
        readConsents: () => Promise.reject(new Error('the schema build read consents')),
      },
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const to = clock();
  const collections = map.systems.flatMap((system) => system.collections);
  const result: SchemaBuildResult = {
    timings: {
      code,
      map: map_,
      policy: policy_,
      registry,
      app: app_,
      build: map_ + policy_ + registry + app_,
      buildCpu: (cpu.user + cpu.system) / 1000,
    },
    systems: map.systems.length,
    collections: collections.length,
    fields: collections.reduce((n, collection) => n + collection.fields.length, 0),
    roles: policy.roles.size,
    types: Object.keys(app.schema.getTypeMap()).length,
    sdlBytes: Buffer.byteLength(app.subject.sdl),
    sockets,
    statements,
    log,
    window: [from, to],
  };
  await app.apollo.stop();
  await sources.close();
  return result;
}

function send(message: FromSchemaBuild): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()) ?? resolve());
}

build()
  .then((result) => send({ type: 'built', result }))
  .catch((error: unknown) =>
    send({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
  )
  .finally(() => process.disconnect?.());

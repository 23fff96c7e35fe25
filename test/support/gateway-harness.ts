/**
 * Builds a real gateway (real connectors over the test database) for a data map, and
 * helpers to ask for everything about a subject and compare it with a generator's ground
 * truth. No mocks: the same start-up path as `npm start`, minus HTTP and the store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDataMap } from '../../src/core/datamap/parse-data-map';
import type { DataMap } from '../../src/core/datamap/model';
import { rowKeyOf } from '../../src/core/traversal/row-key';
import { checkSources } from '../../src/graph/check-sources';
import type { CollectionType, GraphModel } from '../../src/graph/graph-model';
import { SourceRegistry } from '../../src/graph/source-registry';
import type { TableDescription } from '../../src/sources/connector';
import type { GatewayApp } from '../../src/server/gateway-app';
import { createGatewayApp } from '../../src/server/gateway-app';
import { HeaderMap } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { deriveDeidentifyKeys } from '../../src/core/deidentify/keys';
import type { DeidentifyKeys } from '../../src/core/deidentify/keys';
import type { Policy } from '../../src/core/policy/model';
import { parsePolicy } from '../../src/core/policy/parse-policy';
import { seedDemoConsents } from '../../src/server/seed-demo-consents';
import { loadConsentStates, openStore } from '../../src/store';
import { requireTestDatabaseUrl } from './test-database';
import { loadHolidayCalendar } from '../../src/core/calendar/load-holiday-calendar';
import { holidayCalendarOrThrow } from '../../src/core/calendar/parse-holiday-calendar';
import { deriveSealKey } from '../../src/core/crypto/seal';
import { buildTraversalGraph } from '../../src/core/traversal/traversal-graph';
import type { RequestsRuntime } from '../../src/requests';
import type { AuditWriter, CheckpointSink } from '../../src/audit';
import { checkpointFile, createAuditWriter } from '../../src/audit';
import { auditKeys } from '../../src/server/start-audit';

export const ROOT = path.resolve(__dirname, '../..');
export const DEMO_MAP = path.join(ROOT, 'seeds/demo/datamap.yaml');
export const ACME_MAP = path.join(ROOT, 'test/fixtures/acme/datamap.yaml');
export const DEMO_POLICY = path.join(ROOT, 'seeds/demo/policy.yaml');
export const ACME_POLICY = path.join(ROOT, 'test/fixtures/acme/policy.yaml');

/** Test-only keys (never a deployment's): fixed so every test file agrees on subject keys. */
export const TEST_KEYS: DeidentifyKeys = {
  hashKey: Buffer.alloc(32, 7),
  ...(({ tokenEncKey, tokenMacKey }) => ({ tokenEncKey, tokenMacKey }))(
    deriveDeidentifyKeys(Buffer.alloc(32, 9)),
  ),
};

/** The audit chain's keys of every test gateway, derived from the test hash key as a gateway
 * derives them: one key for every file, since all embedded test files share one store and
 * so one chain — a file with another key would break every verification of it. */
export const TEST_AUDIT_KEYS = auditKeys(TEST_KEYS.hashKey);

/** A test gateway's audit trail: its writer over the test store, its checkpoint file in a
 * directory of its own. */
export interface TestAudit {
  readonly writer: AuditWriter;
  readonly chainKey: Buffer;
  readonly checkpointKey: Buffer;
  readonly checkpoints: CheckpointSink;
}

export function loadPolicy(file: string, map: DataMap): Policy {
  const result = parsePolicy(readFileSync(file, 'utf8'), file, {
    categories: map.categories,
    purposes: map.purposes,
  });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.policy;
}

export interface Caller {
  readonly role: string;
  readonly purpose?: string;
  readonly subject?: string;
}

/** A clock for traversal tests: in 2200 every subject is an adult, so values are raw. */
export const ADULTS_ONLY = (): Date => new Date('2200-01-01T00:00:00Z');

/** The default caller of the graph tests: the DPO answering a rights request (allowed everything). */
export const DPO: Caller = { role: 'dpo', purpose: 'dsar' };

export interface TestGateway {
  readonly app: GatewayApp;
  readonly map: DataMap;
  readonly sources: SourceRegistry;
  readonly statements: { system: string; text: string }[];
  readonly store: DataSource;
  /** The rights-request service, when started with `requests: true` (no worker runs: a
   * test drives one itself). */
  readonly requests?: RequestsRuntime;
  /** The audit trail, when started with `audit: true`. */
  readonly audit?: TestAudit;
  close(): Promise<void>;
}

export const HOLIDAY_CALENDAR = path.join(ROOT, 'seeds/calendars/cn-2026-2027.yaml');

export function loadMap(file: string, env: NodeJS.ProcessEnv = process.env): DataMap {
  const result = parseDataMap(readFileSync(file, 'utf8'), file, env, { requireEnv: true });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.map;
}

export async function startTestGateway(
  file: string,
  options: {
    env?: NodeJS.ProcessEnv;
    maxSubjectsPerRequest?: number;
    connectTimeoutMs?: number;
    policyFile?: string;
    now?: () => Date;
    /** The gateway as it was before field-level access: no policy, no shield. */
    withoutPolicy?: boolean;
    /** Receives the gateway's log lines (leak tests read them). */
    log?: (line: string) => void;
    /** Serve the control plane's rights-request operations over this gateway's store. */
    requests?: boolean;
    /** Record audit events (reads, and request transitions with `requests`) into the test
     * store's one chain, and serve `auditEvents` / `verifyAuditLog`. */
    audit?: boolean;
  } = {},
): Promise<TestGateway> {
  const map = loadMap(file, options.env ?? process.env);
  const policy = loadPolicy(
    options.policyFile ?? (file === ACME_MAP ? ACME_POLICY : DEMO_POLICY),
    map,
  );
  const store = await openStore(requireTestDatabaseUrl());
  if (file === DEMO_MAP) {
    await seedDemoConsents(store, process.env.PRIVGRAPH_DEMO_DATABASE_URL ?? '', TEST_KEYS.hashKey);
  }
  const sources = new SourceRegistry(map, {
    poolSize: 2,
    connectTimeoutMs: options.connectTimeoutMs ?? 3000,
  });
  const statements: { system: string; text: string }[] = [];
  sources.observe((event) => statements.push({ system: event.system, text: event.text }));
  const cache = new Map<string, readonly TableDescription[]>();
  const check = await checkSources(map, sources, {
    load: async (system) => cache.get(system) ?? [],
    save: async (system, tables) => void cache.set(system, tables),
  });
  if (check.mismatches.length > 0) throw new Error(check.mismatches.join('\n'));
  const checkpointDir = options.audit
    ? mkdtempSync(path.join(tmpdir(), 'privgraph-audit-'))
    : undefined;
  const audit: TestAudit | undefined = checkpointDir
    ? (() => {
        const checkpoints = checkpointFile(
          path.join(checkpointDir, 'checkpoints.jsonl'),
          TEST_AUDIT_KEYS.checkpointKey,
        );
        return {
          writer: createAuditWriter(store, TEST_AUDIT_KEYS.chainKey, checkpoints),
          ...TEST_AUDIT_KEYS,
          checkpoints,
        };
      })()
    : undefined;
  const requests: RequestsRuntime | undefined = options.requests
    ? {
        store,
        map,
        traversal: buildTraversalGraph(map),
        sources,
        descriptions: check.descriptions,
        policy,
        keys: {
          hashKey: TEST_KEYS.hashKey,
          // as test/support/requests-runtime.ts: one map, one test deployment, one seal key,
          // so runtimes over the same map can run each other's queued tasks
          sealKey: deriveSealKey(Buffer.from(map.contentHash, 'utf8'), 'store'),
          deidentify: TEST_KEYS,
        },
        calendar: holidayCalendarOrThrow(await loadHolidayCalendar(HOLIDAY_CALENDAR)),
        now: options.now ?? (() => new Date()),
        exportTtlMs: 3_600_000,
        maxRounds: 32,
        log: options.log ?? (() => undefined),
        ...(audit ? { audit: audit.writer.record } : {}),
      }
    : undefined;
  const app = await createGatewayApp({
    map,
    sources,
    descriptions: check.descriptions,
    maxSubjectsPerRequest: options.maxSubjectsPerRequest ?? 100,
    maxRounds: 32,
    log: options.log ?? (() => undefined),
    ...(options.withoutPolicy
      ? {}
      : {
          access: {
            policy,
            keys: TEST_KEYS,
            readConsents: (groups: readonly (readonly string[])[]) =>
              loadConsentStates(store, groups),
            ...(options.now ? { now: options.now } : {}),
            ...(audit ? { audit: audit.writer.record } : {}),
          },
        }),
    ...(requests ? { requests } : {}),
    ...(audit
      ? { audit: { store, chainKey: audit.chainKey, checkpoints: audit.checkpoints } }
      : {}),
  });
  return {
    app,
    map,
    sources,
    statements,
    store,
    ...(requests ? { requests } : {}),
    ...(audit ? { audit } : {}),
    close: async () => {
      await app.apollo.stop();
      await audit?.writer.close();
      await sources.close();
      await store.destroy();
      if (checkpointDir) rmSync(checkpointDir, { recursive: true, force: true });
    },
  };
}

export async function execute(
  gateway: TestGateway,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller | null = DPO,
): Promise<{
  data?: Record<string, unknown> | null;
  errors?: readonly {
    message: string;
    extensions?: Record<string, unknown>;
    path?: readonly (string | number)[];
  }[];
  extensions?: Record<string, unknown>;
}> {
  const headers = new HeaderMap();
  if (caller?.purpose !== undefined) headers.set('x-privgraph-purpose', caller.purpose);
  const principal = caller
    ? {
        subject: caller.subject ?? `test:${caller.role}`,
        role: caller.role,
        expiresAt: new Date(Date.now() + 3_600_000),
      }
    : undefined;
  const response = await gateway.app.apollo.executeOperation(
    { query, variables, http: { method: 'POST', headers, search: '', body: {} } },
    { contextValue: gateway.app.createContext(principal) },
  );
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  const { data, errors, extensions } = response.body.singleResult;
  return {
    data: data as Record<string, unknown> | null | undefined,
    errors: errors as never,
    extensions: extensions as Record<string, unknown> | undefined,
  };
}

/** A selection of every column of every collection, and the identities. */
export function everythingSelection(model: GraphModel): string {
  const systems = model.systems.map((system) => {
    const collections = system.collections.map(
      ({ fieldName, type }) => `${fieldName} { ${columnNames(type).join(' ')} }`,
    );
    return `${system.fieldName} { ${collections.join(' ')} }`;
  });
  return `identities { kind value shared } ${systems.join(' ')}`;
}

function columnNames(type: CollectionType): string[] {
  return type.fields.filter((field) => field.target.kind === 'column').map((field) => field.name);
}

/** Row keys per collection address, from one `Subject` object of a response. */
export function rowKeysOf(
  model: GraphModel,
  subject: Record<string, unknown>,
): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const system of model.systems) {
    const data = subject[system.fieldName] as Record<string, Record<string, unknown>[]> | null;
    for (const { fieldName, type } of system.collections) {
      const rows = data?.[fieldName] ?? [];
      if (rows.length === 0) continue;
      const pkNames = type.def.primaryKey.map(
        (key) =>
          type.fields.find((f) => f.target.kind === 'column' && f.target.field.key === key)?.name ??
          key,
      );
      keys.set(
        type.address,
        new Set(rows.map((row) => rowKeyOf(pkNames.map((name) => row[name])))),
      );
    }
  }
  return keys;
}

/** Sorted, comparable form of a ground truth or a response. */
export function comparable(
  keys: ReadonlyMap<string, ReadonlySet<string>>,
): Record<string, string[]> {
  return Object.fromEntries(
    [...keys]
      .filter(([, set]) => set.size > 0)
      .map(([address, set]) => [address, [...set].sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

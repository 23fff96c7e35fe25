/**
 * The schema-build phase (`npm run bench -- --only schema`), SPEC §9: "schema build for a
 * data map of 200 collections / 2,000 fields: < 2 s". Each build runs in a fresh process
 * (schema-build-process.ts), since a gateway builds its schema once, cold, at start; the
 * sizes take turns round by round, so a burst of other work on the machine lands on all of
 * them. Sizes: the demo map as written, and synthetic maps (synthetic-data-map.ts) of 20,
 * 100, 200 and 400 collections of 10 fields, to see how the build grows.
 *
 * Needs no database: the maps' sources are never reached.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backgroundBusy, busyShare, cpuTimes, describeMachine } from './machine';
import { currentRevision } from './revision';
import type { FromSchemaBuild, SchemaBuildResult } from './schema-build-process';
import type { SchemaProfile } from './schema-profile';
import { summariseSchemaProfile } from './schema-profile';
import type { SchemaBenchReport } from './schema-report';
import { summariseSize, TARGET_SCHEMA_BUILD_MS } from './schema-report';
import type { SyntheticSize } from './synthetic-data-map';
import { SPEC_SIZE, syntheticDataMapYaml } from './synthetic-data-map';
import { syntheticPolicyYaml } from './synthetic-policy';

const ROOT = path.resolve(__dirname, '..');
const BUILD_TIMEOUT_MS = 120_000;

interface SizeUnderTest {
  readonly label: string;
  readonly mapFile: string;
  readonly policyFile: string;
}

const grid = (systems: number): SyntheticSize => ({ ...SPEC_SIZE, systems });

/** The synthetic sizes, by number of systems of 10 collections × 10 fields. */
const SYNTHETIC: readonly [string, SyntheticSize][] = [
  ['synthetic, 20 collections', grid(2)],
  ['synthetic, 100 collections', grid(10)],
  ['synthetic, 200 collections (SPEC §9)', SPEC_SIZE],
  ['synthetic, 400 collections', grid(40)],
];
const SPEC_SIZE_LABEL = 'synthetic, 200 collections (SPEC §9)';

function writeSizes(dir: string): SizeUnderTest[] {
  const policyFile = path.join(dir, 'policy.yaml');
  writeFileSync(policyFile, syntheticPolicyYaml());
  return [
    {
      label: 'demo map (seeds/demo)',
      mapFile: path.join(ROOT, 'seeds/demo/datamap.yaml'),
      policyFile: path.join(ROOT, 'seeds/demo/policy.yaml'),
    },
    ...SYNTHETIC.map(([label, size]) => {
      const mapFile = path.join(dir, `datamap-${size.systems * size.collectionsPerSystem}.yaml`);
      writeFileSync(mapFile, syntheticDataMapYaml(size));
      return { label, mapFile, policyFile };
    }),
  ];
}

/** The child's environment: no source URL or privgraph setting of the caller's shell; the
 * demo map's `${…}` sources at hosts that do not resolve; production, like a gateway. */
function buildEnv(size: SizeUnderTest): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/(DATABASE_URL|_SERVICE_URL|_SERVICE_TOKEN)$/.test(name) && !name.startsWith('PRIVGRAPH_'))
      env[name] = value;
  return {
    ...env,
    NODE_ENV: 'production',
    PRIVGRAPH_DATAMAP: size.mapFile,
    PRIVGRAPH_POLICY: size.policyFile,
    PRIVGRAPH_DEMO_DATABASE_URL: 'postgres://privgraph@demo.schema-bench.invalid:5432/demo',
    SUPPORT_SERVICE_URL: 'http://support.schema-bench.invalid',
  };
}

/** One cold build; `profile`: the `--cpu-prof` file to write. */
export function buildOnce(size: SizeUnderTest, profile?: string): Promise<SchemaBuildResult> {
  const profiling = profile
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.dirname(profile)}`,
        `--cpu-prof-name=${path.basename(profile)}`,
      ]
    : [];
  const child: ChildProcess = fork(path.join(__dirname, 'schema-build-process.ts'), [], {
    cwd: ROOT,
    env: buildEnv(size),
    execArgv: ['-r', '@swc-node/register', ...profiling],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let answer: FromSchemaBuild | undefined;
    const timer = setTimeout(() => child.kill(), BUILD_TIMEOUT_MS);
    child.on('message', (message: FromSchemaBuild) => (answer = message));
    // Resolved on exit, not on the message: the profile is written as the process exits.
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (answer?.type === 'built') resolve(answer.result);
      else if (answer?.type === 'failed')
        reject(new Error(`${size.label}: the build failed: ${answer.error}`));
      else reject(new Error(`${size.label}: the build process exited (code ${code}) unfinished`));
    });
  });
}

export async function runSchemaBench(
  options: { readonly runs: number; readonly profile: boolean },
  log: (line: string) => void,
): Promise<SchemaBenchReport> {
  const machine = describeMachine();
  const busyBefore = await backgroundBusy();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'privgraph-schema-bench-'));
  try {
    const sizes = writeSizes(dir);
    const results = new Map<string, { result: SchemaBuildResult; busy: number | null }[]>();
    for (let round = 1; round <= options.runs; round++) {
      log(`schema build, round ${round} of ${options.runs}: ${sizes.length} cold processes`);
      for (const size of sizes) {
        const before = cpuTimes();
        const result = await buildOnce(size);
        const entry = { result, busy: busyShare(before, cpuTimes()) };
        results.set(size.label, [...(results.get(size.label) ?? []), entry]);
      }
    }
    const profiled = sizes.find((size) => size.label === SPEC_SIZE_LABEL);
    let profile: SchemaProfile | undefined;
    if (options.profile && profiled) {
      log(`schema build: one more of the SPEC §9 size under --cpu-prof`);
      const file = path.join(dir, 'schema-build.cpuprofile');
      const result = await buildOnce(profiled, file);
      profile = summariseSchemaProfile(file, result.window);
    }
    return {
      date: new Date().toISOString(),
      revision: currentRevision(),
      machine: { ...machine, backgroundBusy: busyBefore },
      runs: options.runs,
      targetMs: TARGET_SCHEMA_BUILD_MS,
      specSize: SPEC_SIZE_LABEL,
      sizes: sizes.map((size) => summariseSize(size.label, results.get(size.label) ?? [])),
      ...(profile ? { profile } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

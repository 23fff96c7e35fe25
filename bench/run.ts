/**
 * `npm run bench`: the performance baseline of SPEC §9 (issue #2, item 10) in one run —
 * a subject lookup by phone across every demo system, through the gateway and through the
 * floor (the same SQL sent by hand), each in its own process, loaded by autocannon from a
 * third; the gateway's throughput as a share of the floor's. See docs/performance.md.
 *
 * Not part of `npm test` or CI: it needs minutes, a quiet machine, and says nothing by
 * pass/fail — except that it refuses to measure when the two targets do not give the same
 * rows with the same statements.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BENCH_PURPOSE, BENCH_ROLE } from './bench-caller';
import type { BenchDatabase } from './bench-database';
import { openBenchDatabase } from './bench-database';
import type { BenchOptions } from './bench-options';
import { parseBenchOptions } from './bench-options';
import type { AnswerCheck } from './check-same-answers';
import { checkSameAnswers } from './check-same-answers';
import { supportSourceKind } from './demo-sources';
import type { LoadGenerator } from './load';
import { startLoadGenerator } from './load';
import { backgroundBusy, describeMachine } from './machine';
import type { TargetFigures } from './measure-target';
import { measureRounds } from './measure-rounds';
import type { ProfileSummary } from './profile-summary';
import { printProfile, summariseProfile } from './profile-summary';
import type { BenchReport } from './report';
import { checkSummary, printReport, writeReport } from './report';
import { currentRevision } from './revision';
import { samplePhones } from './sample-people';
import { subjectRequestBody } from './subject-query';
import { cpuRatio, median, roundRatios, summariseTarget } from './summarise-runs';
import type { TargetProcess } from './target-process';
import { startTarget } from './target-process';

const log = (line: string) => console.log(`[bench] ${line}`);
const PROFILE_DIR = path.join(__dirname, 'results', 'profiles');

/** PostgreSQL's backends can be read from /proc only when the server runs here. */
function onThisMachine(database: BenchDatabase): boolean {
  const host = new URL(database.url).hostname;
  return database.engine === 'postgresql' && ['127.0.0.1', 'localhost', '[::1]'].includes(host);
}

interface Measured {
  readonly phones: readonly string[];
  readonly check: AnswerCheck;
  readonly background: number | null;
  readonly runs: { floor: TargetFigures[]; gateway: TargetFigures[] };
}

interface Started {
  readonly floor: TargetProcess;
  readonly gateway: TargetProcess;
  /** The demo's HTTP services: sources, in processes of their own. */
  readonly services: readonly TargetProcess[];
}

/** Starts the demo's consultation service when the map makes it an HTTP source, then both
 * targets pointed at it. Everything started is pushed onto `children`, to be stopped. */
async function startChildren(
  database: BenchDatabase,
  options: BenchOptions,
  children: TargetProcess[],
): Promise<Started> {
  const profileDir = options.profile ? PROFILE_DIR : undefined;
  const env: Record<string, string> = {};
  const services: TargetProcess[] = [];
  if (supportSourceKind() === 'http') {
    const token = `Bearer ${randomBytes(24).toString('base64url')}`;
    const support = await startTarget('support', 'support-service-process.ts', database.url, {
      SUPPORT_SERVICE_TOKEN: token,
    });
    children.push(support);
    services.push(support);
    Object.assign(env, { SUPPORT_SERVICE_URL: support.url, SUPPORT_SERVICE_TOKEN: token });
    log(`the demo's consultation service (system "support") runs on its own at ${support.url}`);
  }
  const started = await Promise.allSettled([
    startTarget('floor', 'floor-server.ts', database.url, env, profileDir),
    startTarget('gateway', 'gateway-process.ts', database.url, env, profileDir),
  ]);
  for (const result of started) if (result.status === 'fulfilled') children.push(result.value);
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  const [floor, gateway] = started.map((r) => (r as PromiseFulfilledResult<TargetProcess>).value);
  return { floor: floor as TargetProcess, gateway: gateway as TargetProcess, services };
}

async function measure(
  database: BenchDatabase,
  options: BenchOptions,
  targets: TargetProcess[],
  loads: LoadGenerator[],
): Promise<Measured> {
  const phones = await samplePhones(database.url, options.sample);
  log(`${phones.length} sample people, present in every system`);
  log('starting the floor and the gateway (child processes)');
  const { floor, gateway, services } = await startChildren(database, options, targets);

  const check = await checkSameAnswers(gateway, floor, services, phones.slice(0, options.checks));
  if (check.mismatches.length > 0) {
    const lines = check.mismatches;
    const shown = lines.length <= 30 ? lines : [...lines.slice(0, 15), '…', ...lines.slice(-15)];
    for (const line of shown) console.error(`  ${line}`);
    throw new Error(
      `the floor and the gateway disagree (${check.mismatches.length} differences): not measuring`,
    );
  }
  log(`same rows and same source statements for ${check.people} people`);

  // Other work on the machine, measured while our processes are all idle (before the load
  // generator starts: its own start-up would count).
  const background = await backgroundBusy();
  const load = startLoadGenerator();
  loads.push(load);
  const runs = await measureRounds(
    floor,
    gateway,
    load,
    {
      rounds: options.rounds,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      bodies: phones.map(subjectRequestBody),
      services,
      postgresUrl: onThisMachine(database) ? database.url : null,
    },
    log,
  );
  return { phones, check, background, runs };
}

function profiles(runs: Measured['runs']): Record<string, ProfileSummary> {
  const summaries: Record<string, ProfileSummary> = {};
  for (const [name, list] of Object.entries(runs) as [string, TargetFigures[]][]) {
    const summary = summariseProfile(
      path.join(PROFILE_DIR, `${name}.cpuprofile`),
      list.map((run) => run.window),
    );
    printProfile(name, summary, summariseTarget(list).targetCpuMsPerRequest);
    summaries[name] = summary;
  }
  return summaries;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const startedAt = Date.now();
  const machine = describeMachine();
  const database = await openBenchDatabase(options, log);
  const targets: TargetProcess[] = [];
  const loads: LoadGenerator[] = [];
  let measured: Measured;
  try {
    measured = await measure(database, options, targets, loads);
  } finally {
    for (const load of loads) load.close();
    // Targets write their profiles as they exit: stop them before reading those.
    await Promise.all(targets.map((target) => target.stop()));
    await database.close();
  }
  const { phones, check, background, runs } = measured;
  const ratios = roundRatios(runs.gateway, runs.floor);
  const floorSummary = summariseTarget(runs.floor);
  const gatewaySummary = summariseTarget(runs.gateway);
  const { url: _url, close: _close, ...databaseInfo } = database;
  const report: BenchReport = {
    date: new Date().toISOString(),
    revision: currentRevision(),
    machine: { ...machine, backgroundBusy: background },
    database: databaseInfo,
    options: {
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      rounds: options.rounds,
      connections: options.connections,
      sample: phones.length,
      role: BENCH_ROLE,
      purpose: BENCH_PURPOSE,
      profiled: options.profile,
    },
    check: checkSummary(check),
    targets: [floorSummary, gatewaySummary],
    runs: [...runs.floor, ...runs.gateway],
    roundRatios: ratios,
    ratio: median(ratios),
    cpuRatio: cpuRatio(floorSummary, gatewaySummary),
    ...(options.profile ? { profiles: profiles(runs) } : {}),
  };
  printReport(report);
  log(`wrote ${writeReport(report)} (${Math.round((Date.now() - startedAt) / 1000)} s in all)`);
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

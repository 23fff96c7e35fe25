/**
 * The lookup phase of `npm run bench`: a subject lookup by phone across every demo system,
 * through the gateway and through the floor (the same SQL sent by hand), each in its own
 * process, loaded by autocannon from a third; the gateway's throughput as a share of the
 * floor's, and as a share of its own throughput with field-level access off (the policy's
 * cost) and with its audit trail off (the audit's cost). It refuses to measure when the targets do not give the same rows with the same
 * statements. See docs/performance.md.
 */
import path from 'node:path';
import { BENCH_PURPOSE, BENCH_ROLE } from './bench-caller';
import type { BenchDatabase } from './bench-database';
import type { BenchOptions } from './bench-options';
import type { AnswerCheck } from './check-same-answers';
import { checkSameAnswers } from './check-same-answers';
import { withoutMinorFlag } from './floor-sql';
import type { LoadGenerator } from './load';
import { startLoadGenerator } from './load';
import type { MachineInfo } from './machine';
import { backgroundBusy } from './machine';
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
import { startTargets, TARGET_NAMES } from './start-targets';
import type { TargetProcess } from './target-process';

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
  readonly checkWithoutPolicy: AnswerCheck;
  readonly checkWithoutAudit: AnswerCheck;
  readonly background: number | null;
  readonly runs: {
    floor: TargetFigures[];
    gateway: TargetFigures[];
    withoutPolicy: TargetFigures[];
    withoutAudit: TargetFigures[];
  };
}

/** Stops the run when `check` found the targets doing different work. */
function refuseUnequal(check: AnswerCheck, target: string): void {
  if (check.mismatches.length === 0) return;
  const lines = check.mismatches;
  const shown = lines.length <= 30 ? lines : [...lines.slice(0, 15), '…', ...lines.slice(-15)];
  for (const line of shown) console.error(`  ${line}`);
  throw new Error(
    `the floor and ${target} disagree (${check.mismatches.length} differences): not measuring`,
  );
}

async function measure(
  database: BenchDatabase,
  options: BenchOptions,
  targets: TargetProcess[],
  loads: LoadGenerator[],
): Promise<Measured> {
  const phones = await samplePhones(database.url, options.sample);
  log(`${phones.length} sample people, present in every system`);
  log(
    'starting the floor, the gateway, the gateway without policy and the gateway without audit (child processes)',
  );
  const profileDir = options.profile ? PROFILE_DIR : undefined;
  const { floor, gateway, withoutPolicy, withoutAudit, services } = await startTargets(
    database,
    profileDir,
    targets,
    log,
  );

  const checked = phones.slice(0, options.checks);
  const check = await checkSameAnswers(gateway, floor, services, checked);
  refuseUnequal(check, 'the gateway');
  log(`gateway: same rows and same source statements for ${check.people} people`);
  const checkWithoutPolicy = await checkSameAnswers(
    withoutPolicy,
    floor,
    services,
    checked,
    withoutMinorFlag,
  );
  refuseUnequal(checkWithoutPolicy, 'the gateway without policy');
  log(
    `gateway without policy: same rows and the same source statements but for the minor flag, for ${checkWithoutPolicy.people} people`,
  );
  const checkWithoutAudit = await checkSameAnswers(withoutAudit, floor, services, checked);
  refuseUnequal(checkWithoutAudit, 'the gateway without audit');
  log(
    `gateway without audit: same rows and same source statements for ${checkWithoutAudit.people} people`,
  );

  // Other work on the machine, measured while our processes are all idle (before the load
  // generator starts: its own start-up would count).
  const background = await backgroundBusy();
  const load = startLoadGenerator();
  loads.push(load);
  // Each gateway variant next to the gateway in every round (measure-rounds.ts): the audit's
  // and the policy's ratios compare runs back to back.
  const [withoutAuditRuns, floorRuns, gatewayRuns, withoutPolicyRuns] = await measureRounds(
    [
      { target: withoutAudit, headers: withoutAudit.headers },
      { target: floor, headers: gateway.headers },
      { target: gateway, headers: gateway.headers },
      { target: withoutPolicy, headers: withoutPolicy.headers },
    ],
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
  const runs = {
    floor: floorRuns ?? [],
    gateway: gatewayRuns ?? [],
    withoutPolicy: withoutPolicyRuns ?? [],
    withoutAudit: withoutAuditRuns ?? [],
  };
  return { phones, check, checkWithoutPolicy, checkWithoutAudit, background, runs };
}

function profiles(runs: Measured['runs']): Record<string, ProfileSummary> {
  const summaries: Record<string, ProfileSummary> = {};
  for (const [key, list] of Object.entries(runs) as [keyof typeof runs, TargetFigures[]][]) {
    const name = TARGET_NAMES[key];
    const summary = summariseProfile(
      path.join(PROFILE_DIR, `${name}.cpuprofile`),
      list.map((run) => run.window),
    );
    printProfile(name, summary, summariseTarget(list).targetCpuMsPerRequest);
    summaries[name] = summary;
  }
  return summaries;
}

/** Measures, prints and records the lookup; `machine` as it was before the world was opened. */
export async function runLookupBench(
  database: BenchDatabase,
  options: BenchOptions,
  machine: MachineInfo,
): Promise<void> {
  const targets: TargetProcess[] = [];
  const loads: LoadGenerator[] = [];
  let measured: Measured;
  try {
    measured = await measure(database, options, targets, loads);
  } finally {
    for (const load of loads) load.close();
    // Targets write their profiles as they exit: stop them before reading those.
    await Promise.all(targets.map((target) => target.stop()));
  }
  const { phones, check, checkWithoutPolicy, checkWithoutAudit, background, runs } = measured;
  const ratios = roundRatios(runs.gateway, runs.floor);
  const policyRatios = roundRatios(runs.gateway, runs.withoutPolicy);
  const auditRatios = roundRatios(runs.gateway, runs.withoutAudit);
  const floorSummary = summariseTarget(runs.floor);
  const gatewaySummary = summariseTarget(runs.gateway);
  const withoutPolicySummary = summariseTarget(runs.withoutPolicy);
  const withoutAuditSummary = summariseTarget(runs.withoutAudit);
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
    checkWithoutPolicy: checkSummary(checkWithoutPolicy),
    checkWithoutAudit: checkSummary(checkWithoutAudit),
    targets: [floorSummary, gatewaySummary, withoutPolicySummary, withoutAuditSummary],
    runs: [...runs.floor, ...runs.gateway, ...runs.withoutPolicy, ...runs.withoutAudit],
    roundRatios: ratios,
    ratio: median(ratios),
    cpuRatio: cpuRatio(floorSummary, gatewaySummary),
    policy: {
      roundRatios: policyRatios,
      ratio: median(policyRatios),
      cpuRatio: cpuRatio(withoutPolicySummary, gatewaySummary),
    },
    audit: {
      roundRatios: auditRatios,
      ratio: median(auditRatios),
      cpuRatio: cpuRatio(withoutAuditSummary, gatewaySummary),
    },
    ...(options.profile ? { profiles: profiles(runs) } : {}),
  };
  printReport(report);
  log(`wrote ${writeReport(report)}`);
}

/**
 * Where a target's CPU time went during the measured runs (`npm run bench -- --profile`):
 * the V8 profile written by `--cpu-prof`, restricted to the measured windows (its clock is
 * the process's monotonic clock, which the target reports with its stats), self time
 * grouped by what spent it. Shares are of CPU samples (idle samples left out), so a share
 * times the target's CPU ms per request says what that part costs per request.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  readonly name: string;
  /** Share of the samples in the measured windows (0–1). */
  readonly share: number;
}

export interface ProfileSummary {
  readonly samples: number;
  readonly groups: readonly ProfileShare[];
  readonly functions: readonly ProfileShare[];
}

/** Who spent a sample, from the script it ran in. Order matters: first match wins. */
const GROUPS: readonly [string, (url: string, fn: string) => boolean][] = [
  [
    'socket writes (writev, kernel): statements, calls, responses',
    (url, fn) => url === '' && fn === 'writev',
  ],
  ['garbage collection', (url, fn) => url === '' && fn === '(garbage collector)'],
  [
    'pg driver',
    (url) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//.test(url),
  ],
  ['Apollo Server', (url) => url.includes('node_modules/@apollo/')],
  ['graphql-js', (url) => url.includes('node_modules/graphql/')],
  ['DataLoader', (url) => url.includes('node_modules/dataloader/')],
  ['other packages', (url) => url.includes('node_modules/')],
  ['privgraph: graph', (url) => url.includes('/src/graph/')],
  ['privgraph: core', (url) => url.includes('/src/core/')],
  ['privgraph: access, server, sources', (url) => url.includes('/src/')],
  ['floor (bench/)', (url) => url.includes('/bench/')],
  ['Node: http, net, streams, events', (url) => url.startsWith('node:')],
  ['V8 and native (program, microtasks, JSON…)', () => true],
];

function groupOf(url: string, fn: string): string {
  return GROUPS.find(([, matches]) => matches(url, fn))?.[0] ?? 'other';
}

function ranked(counts: Map<string, number>, total: number, limit: number): ProfileShare[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, count]) => ({ name, share: count / Math.max(1, total) }));
}

/** `windows`: [from, to] in the target's monotonic clock, microseconds. */
export function summariseProfile(
  file: string,
  windows: readonly (readonly [number, number])[],
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let time = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (!windows.some(([from, to]) => time >= from && time <= to)) return;
    const frame = nodes.get(id)?.callFrame;
    // Idle samples are time the process waited, not CPU it spent.
    if (!frame || (frame.url === '' && frame.functionName === '(idle)')) return;
    total++;
    const group = groupOf(frame.url, frame.functionName);
    groups.set(group, (groups.get(group) ?? 0) + 1);
    const where = frame.url
      ? ` ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    functions.set(name, (functions.get(name) ?? 0) + 1);
  });
  return {
    samples: total,
    groups: ranked(groups, total, GROUPS.length),
    functions: ranked(functions, total, 15),
  };
}

export function printProfile(
  target: string,
  summary: ProfileSummary,
  cpuMsPerRequest: number,
): void {
  const line = (share: ProfileShare) =>
    `  ${(share.share * 100).toFixed(1).padStart(5)} %  ${(share.share * cpuMsPerRequest).toFixed(3)} ms/req  ${share.name}`;
  console.log(
    `\nprofile of ${target} (${summary.samples} samples in the measured runs), by group:`,
  );
  for (const group of summary.groups) console.log(line(group));
  console.log('  top functions (self time):');
  for (const fn of summary.functions.slice(0, 10)) console.log(line(fn));
}

/**
 * The orchestrator's side of a benchmark target: forks `gateway-process.ts` or
 * `floor-server.ts` (or the demo's HTTP service, a source), waits until it listens, asks it for statement counts and CPU time, stops
 * it. Targets run in their own processes so the orchestrator (and the load generator, in yet
 * another process) never shares an event loop with the server being measured.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import path from 'node:path';
import type { FromTarget, TargetStats, ToTarget } from './target-ipc';

export interface TargetProcess {
  readonly name: string;
  readonly url: string;
  /** Headers every request to it must carry (the gateway's token and purpose). */
  readonly headers: Readonly<Record<string, string>>;
  stats(options?: { resetTexts?: boolean }): Promise<TargetStats>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

/** Environment of a child: the benchmark's sources only — never a source URL the caller's
 * shell happens to carry (`ACCOUNTS_DATABASE_URL`, `SUPPORT_SERVICE_URL`…) — and
 * production mode. */
export function childEnv(
  databaseUrl: string,
  extra: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/(DATABASE_URL|_SERVICE_URL|_SERVICE_TOKEN)$/.test(name) && !name.startsWith('PRIVGRAPH_'))
      env[name] = value;
  }
  return { ...env, ...extra, BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production' };
}

export function startTarget(
  name: string,
  script: 'gateway-process.ts' | 'floor-server.ts' | 'support-service-process.ts',
  databaseUrl: string,
  /** Where the demo's HTTP services are, and how to call them. */
  env: Record<string, string>,
  /** Write a V8 CPU profile here (`--cpu-prof`), as `<name>.cpuprofile`. */
  profileDir?: string,
): Promise<TargetProcess> {
  const profile = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];
  const child = fork(path.join(__dirname, script), [], {
    cwd: ROOT,
    env: childEnv(databaseUrl, env),
    execArgv: ['-r', '@swc-node/register', ...profile],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited during start-up (code ${code})`));
    };
    child.once('exit', onExit);
    child.on('message', function onStart(message: FromTarget) {
      if (message.type === 'failed') {
        clearTimeout(timer);
        child.off('exit', onExit);
        reject(new Error(`${name} could not start: ${message.error}`));
      } else if (message.type === 'ready') {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('message', onStart);
        resolve(wrap(name, child, message.url, message.headers));
      }
    });
  });
}

function wrap(
  name: string,
  child: ChildProcess,
  url: string,
  headers: Record<string, string>,
): TargetProcess {
  const ask = (message: ToTarget) => child.send(message);
  return {
    name,
    url,
    headers,
    stats: ({ resetTexts = false } = {}) =>
      new Promise((resolve, reject) => {
        const onMessage = (message: FromTarget) => {
          if (message.type !== 'stats') return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(message.stats);
        };
        const onExit = () => reject(new Error(`${name} exited`));
        child.on('message', onMessage);
        child.once('exit', onExit);
        ask({ type: 'stats', resetTexts });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        ask({ type: 'stop' });
      }),
  };
}

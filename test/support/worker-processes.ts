/**
 * Starting and steering worker child processes (`request-worker-process.ts`) from a test:
 * wait for a line it prints, write to its stdin, kill it. Every process a test starts is
 * killed by `killWorkerProcesses` (afterAll), so a failed assertion leaves none behind.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DemoSourcesEndpoint } from './demo-requests-world';
import type { PauseAt } from './request-worker-process';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'test/support/request-worker-process.ts');

export interface WorkerProcess {
  readonly id: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Lines printed on stdout so far. */
  readonly lines: readonly string[];
  /** Resolves with the first line matching `pattern` (already printed or to come); rejects
   * when the process exits first or `timeoutMs` passes, with what it printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  send(line: string): void;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  readonly exited: Promise<number | null>;
}

export interface WorkerProcessOptions {
  readonly id: string;
  readonly mode: 'pause' | 'serve';
  readonly leaseMs?: number;
  readonly pauseAt?: PauseAt;
}

const started: WorkerProcess[] = [];

export function startWorkerProcess(
  endpoint: DemoSourcesEndpoint,
  options: WorkerProcessOptions,
): WorkerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', SCRIPT], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      WORKER_DATABASE_URL: endpoint.databaseUrl,
      WORKER_SUPPORT_URL: endpoint.supportUrl,
      WORKER_SUPPORT_TOKEN: endpoint.supportToken,
      WORKER_ID: options.id,
      WORKER_MODE: options.mode,
      ...(options.leaseMs === undefined ? {} : { WORKER_LEASE_MS: String(options.leaseMs) }),
      ...(options.pauseAt ? { WORKER_PAUSE_AT: JSON.stringify(options.pauseAt) } : {}),
    },
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
      for (const listener of listeners) listener();
    }),
  );
  const describe = () =>
    `worker process ${options.id} (exit ${String(child.exitCode)}) printed:\n${lines.join('\n')}\n${stderr}`;

  const proc: WorkerProcess = {
    id: options.id,
    child,
    lines,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of lines) {
            const match = pattern.exec(line);
            if (match) return done(() => resolve(match));
          }
          if (child.exitCode !== null || child.signalCode !== null)
            done(() => reject(new Error(`no line ${String(pattern)}: ${describe()}`)));
        };
        const timer = setTimeout(
          () =>
            done(() =>
              reject(new Error(`timed out waiting for ${String(pattern)}: ${describe()}`)),
            ),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  started.push(proc);
  return proc;
}

/** Kills every worker process this test file started that still runs. */
export async function killWorkerProcesses(): Promise<void> {
  await Promise.all(started.map((proc) => proc.kill()));
}

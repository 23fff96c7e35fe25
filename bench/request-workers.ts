/**
 * The orchestrator's side of bulk erasure: W worker processes (request-worker-process.ts),
 * each a gateway replica's worker, started and ready before the clock starts, then told to
 * drain the task table at once. The clock stops when the last of them finds nothing left
 * to run. Each reports the tasks it ran, its CPU time and its statements.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FromWorker, ToWorker } from './request-worker-process';
import { now } from './request-timing';
import { childEnv } from './target-process';

export interface DrainFigures {
  readonly seconds: number;
  readonly tasks: readonly number[];
  readonly cpuMs: number;
  readonly statements: number;
}

const ROOT = path.resolve(__dirname, '..');
const START_TIMEOUT_MS = 120_000;

function next(child: ChildProcess, name: string): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${name} exited (code ${code})`));
    child.once('exit', onExit);
    child.once('message', (message: FromWorker) => {
      child.off('exit', onExit);
      if (message.type === 'failed') reject(new Error(`${name}: ${message.error}`));
      else resolve(message);
    });
  });
}

export interface RequestWorkers {
  /** Drains the task table with every worker at once. */
  drain(): Promise<DrainFigures>;
  stop(): Promise<void>;
}

export async function startRequestWorkers(
  count: number,
  databaseUrl: string,
  env: Readonly<Record<string, string>>,
): Promise<RequestWorkers> {
  const children = Array.from({ length: count }, () =>
    fork(path.join(__dirname, 'request-worker-process.ts'), [], {
      cwd: ROOT,
      env: childEnv(databaseUrl, env),
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const send = (child: ChildProcess, message: ToWorker) => child.send(message);
  const stop = () =>
    Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            send(child, { type: 'stop' });
          }),
      ),
    ).then(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(children.map((child, i) => next(child, `request worker ${i + 1}`))),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`request workers did not start in ${START_TIMEOUT_MS / 1000} s`)),
          START_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    async drain() {
      const started = now();
      const done = children.map((child, i) => next(child, `request worker ${i + 1}`));
      for (const child of children) send(child, { type: 'go' });
      const reports = await Promise.all(done);
      const seconds = (now() - started) / 1000;
      const finished = reports.flatMap((r) => (r.type === 'done' ? [r] : []));
      return {
        seconds,
        tasks: finished.map((r) => r.tasks),
        cpuMs: finished.reduce((n, r) => n + r.cpuMicros, 0) / 1000,
        statements: finished.reduce((n, r) => n + r.statements, 0),
      };
    },
    stop,
  };
}

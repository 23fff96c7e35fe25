/**
 * Runs autocannon against a target from a child process (load-process.ts) and returns its
 * figures: the orchestrator only waits, so the cores go to the target, PostgreSQL and the
 * load generator.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { LoadResult, LoadRun } from './load-process';

export type { LoadResult } from './load-process';

export interface LoadGenerator {
  run(options: Omit<LoadRun, 'type'>): Promise<LoadResult>;
  close(): void;
}

export function startLoadGenerator(): LoadGenerator {
  const child = fork(path.join(__dirname, 'load-process.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    run: (options) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) =>
          reject(new Error(`the load generator exited (code ${code})`));
        child.once('exit', onExit);
        child.once(
          'message',
          (message: { type: 'done'; result: LoadResult } | { type: 'failed'; error: string }) => {
            child.off('exit', onExit);
            if (message.type === 'done') resolve(message.result);
            else reject(new Error(`autocannon failed: ${message.error}`));
          },
        );
        child.send({ type: 'run', ...options } satisfies LoadRun);
      }),
    close: () => child.disconnect(),
  };
}

/**
 * A TypeScript entry point in a child process, for the audit trail's integration tests
 * (issue #6 "several gateway processes append without corrupting the chain", "killing the
 * gateway right after it answered"): started with `node -r @swc-node/register`, with only
 * the environment it is given, its output kept; wait for a line, write to its stdin, SIGKILL
 * it. `killAuditChildren` (afterEach/afterAll) leaves none behind after a failed assertion.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface AuditChild {
  readonly child: ChildProcessWithoutNullStreams;
  /** stdout and stderr so far. */
  output(): string;
  /** The first match of `pattern` in the output (already printed or to come); rejects when
   * the process exits first or `timeoutMs` passes, with what it printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  send(line: string): void;
  /** SIGKILL, now (synchronous: nothing else runs in between); `exited` says when it is gone. */
  killNow(): void;
  readonly exited: Promise<void>;
}

const started: AuditChild[] = [];

/** Runs `script` (relative to the repository root) with `env` added to PATH and HOME only. */
export function startAuditChild(script: string, env: Record<string, string>): AuditChild {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    notify();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      resolve();
      notify();
    }),
  );
  const gone = () => child.exitCode !== null || child.signalCode !== null;

  const handle: AuditChild = {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const describe = () =>
          `${script} (exit ${String(child.exitCode ?? child.signalCode)}) printed:\n${output}`;
        const timer = setTimeout(
          () => settle(() => reject(new Error(`timed out waiting for ${pattern}: ${describe()}`))),
          timeoutMs,
        );
        const settle = (then: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          then();
        };
        const check = () => {
          const match = pattern.exec(output);
          if (match) settle(() => resolve(match));
          else if (gone()) settle(() => reject(new Error(`no ${pattern}: ${describe()}`)));
        };
        listeners.add(check);
        check();
      });
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    killNow() {
      if (!gone()) child.kill('SIGKILL');
    },
  };
  started.push(handle);
  return handle;
}

/** Kills every child this test file started that still runs, and waits until they are gone. */
export async function killAuditChildren(): Promise<void> {
  for (const handle of started.splice(0)) {
    handle.killNow();
    await handle.exited;
  }
}

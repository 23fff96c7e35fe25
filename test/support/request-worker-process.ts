/**
 * A rights-request worker in a process of its own, for the fault tests (issue #5 "Killing
 * the worker process mid-erasure … Two gateway processes on one store never run the same
 * task at the same time"). Started by a test with
 * `node -r @swc-node/register test/support/request-worker-process.ts`; it builds the same
 * runtime as the test (`openDemoRequestsRuntime`) over the database and consultation service
 * named in its environment, and runs the production worker (`createRequestWorker`).
 *
 * Environment:
 * - WORKER_DATABASE_URL, WORKER_SUPPORT_URL, WORKER_SUPPORT_TOKEN: the world;
 * - WORKER_ID; WORKER_LEASE_MS (optional);
 * - WORKER_MODE=pause: poll the task table, and at WORKER_PAUSE_AT (JSON `PauseAt`) print
 *   `PAUSED …` and wait there forever — the test kills the process with SIGKILL;
 * - WORKER_MODE=serve: print `READY`, start polling on a `go` line on stdin, stop on `stop`.
 *
 * Lines on stdout (one event each, nothing personal):
 *   READY | PAUSED <point> <kind> <system|-> <task id> | RUN <task id> <start ms> <end ms> |
 *   STOPPED <tasks run>
 */
import { createInterface } from 'node:readline';
import type { TaskRecord } from '../../src/store';
import type { RequestWorker, WorkerPoint } from '../../src/requests';
import { createRequestWorker, REQUEST_TASK_HANDLERS } from '../../src/requests';
import { openDemoRequestsRuntime } from './demo-requests-world';

/** Where a pausing worker stops: the `occurrence`-th time (from 1) it reaches `point` for a
 * task matching `kind` and `system` (when given). */
export interface PauseAt {
  readonly point: WorkerPoint;
  readonly kind?: string;
  readonly system?: string;
  readonly occurrence?: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function matches(at: PauseAt, point: WorkerPoint, task: TaskRecord): boolean {
  return (
    at.point === point &&
    (at.kind === undefined || at.kind === task.kind) &&
    (at.system === undefined || at.system === task.system)
  );
}

async function main(): Promise<void> {
  const { runtime, close } = await openDemoRequestsRuntime({
    databaseUrl: required('WORKER_DATABASE_URL'),
    supportUrl: required('WORKER_SUPPORT_URL'),
    supportToken: required('WORKER_SUPPORT_TOKEN'),
  });
  const workerId = required('WORKER_ID');
  const leaseMs = process.env.WORKER_LEASE_MS ? Number(process.env.WORKER_LEASE_MS) : undefined;
  const mode = required('WORKER_MODE');

  if (mode === 'pause') {
    const at = JSON.parse(required('WORKER_PAUSE_AT')) as PauseAt;
    let seen = 0;
    // the gateway's polling loop, retrying a failed task soon: a task that failed (a lease
    // lost on a busy machine) is run again, so the pause point is still reached
    createRequestWorker(runtime, REQUEST_TASK_HANDLERS, {
      workerId,
      pollMs: 20,
      retryDelayMs: 100,
      ...(leaseMs === undefined ? {} : { leaseMs }),
      onPoint: async (point, task) => {
        if (!matches(at, point, task) || ++seen !== (at.occurrence ?? 1)) return;
        say(`PAUSED ${point} ${task.kind} ${task.system || '-'} ${task.id}`);
        // Stopped dead here, lease still renewed, until the test sends SIGKILL.
        await new Promise<never>(() => undefined);
      },
    });
    // runs until killed: the pool's connections keep the process alive
    return new Promise<never>(() => undefined);
  }

  if (mode === 'serve') {
    const started = new Map<string, number>();
    let ran = 0;
    const onPoint = (point: WorkerPoint, task: TaskRecord): void => {
      if (point === 'claimed') started.set(task.id, Date.now());
      if (point !== 'after-effects') return;
      ran += 1;
      say(`RUN ${task.id} ${started.get(task.id) ?? -1} ${Date.now()}`);
    };
    let worker: RequestWorker | undefined;
    say('READY');
    for await (const line of createInterface({ input: process.stdin })) {
      // the gateway's own loop: drain the table, then poll it again every 20 ms
      if (line === 'go')
        worker ??= createRequestWorker(runtime, REQUEST_TASK_HANDLERS, {
          workerId,
          pollMs: 20,
          ...(leaseMs === undefined ? {} : { leaseMs }),
          onPoint,
        });
      if (line === 'stop') break;
    }
    await worker?.stop();
    say(`STOPPED ${ran}`);
    await close();
    return;
  }
  throw new Error(`unknown WORKER_MODE "${mode}"`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`request worker process failed: ${String(error)}\n`);
    process.exit(1);
  },
);

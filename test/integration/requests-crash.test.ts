/**
 * Killing the worker process mid-erasure (issue #5 Fault tests: "SIGKILL at several points,
 * on real PostgreSQL → after restart the request completes with the same final state as an
 * uninterrupted run and no task completed twice"; SPEC §6 resumable, idempotent).
 *
 * Every scenario runs on its own copy of one seeded database (same rows, same ids, same
 * store with the same hold): a worker child process runs the erasure and stops dead at one
 * `WorkerPoint` — right after a claim, inside a source's open transaction just before it
 * commits (for every source), or after a task's effects are committed but before it is
 * marked done — and is killed there with SIGKILL. A fresh worker then finishes the request
 * once the dead worker's short lease has run out. The final state of every source table must
 * equal that of the same erasure run without interruption on another copy.
 *
 * Random rewrites differ between the two copies by design (each plan draws its own values,
 * and records them): the plans are compared with those values set aside, and each copy's
 * rewritten fields must hold exactly the values its own persisted plan recorded
 * (`random-rewrites.ts`).
 */
import type { ErasurePlan } from '../../src/core/requests/model';
import type { WorkerPoint } from '../../src/requests';
import {
  approveRequest,
  createRequestWorker,
  placeHold,
  REQUEST_TASK_HANDLERS,
  requestErasure,
} from '../../src/requests';
import { unsealPlan } from '../../src/requests/erasure-plan-store';
import type { TaskRecord } from '../../src/store';
import { getRequest, listRequestEvents, listTasks } from '../../src/store';
import { generateDemoWorld } from '../../seeds/demo/generate';
import { DEMO_SCHEMAS } from '../../seeds/demo/tables';
import type { DemoRequestsWorld } from '../support/demo-requests-world';
import {
  copyTestDatabase,
  createDemoDatabase,
  DEMO_SEED,
  DEMO_SUBJECTS,
  DPO,
  requireAdminUrl,
  startDemoRequestsWorld,
} from '../support/demo-requests-world';
import type { WorldSnapshot } from '../support/demo-snapshot';
import { snapshotDemoTables, systemRows } from '../support/demo-snapshot';
import { planWithoutRandom, stateWithoutRandom } from '../support/random-rewrites';
import type { PauseAt } from '../support/request-worker-process';
import { killWorkerProcesses, startWorkerProcess } from '../support/worker-processes';

jest.setTimeout(120_000);

/** The crashing worker's lease: short, so the fresh worker takes over within a second. */
const LEASE_MS = 1000;

const demo = generateDemoWorld({ subjects: DEMO_SUBJECTS, seed: DEMO_SEED });
/** Someone with rows in every system (one task per source) and workspace tasks, whose
 * titles are rewritten to random values. */
const person = demo.people.find(
  (p) =>
    !p.flags.legalHold &&
    p.flags.sharesDeviceWith === undefined &&
    p.flags.systems.length === DEMO_SCHEMAS.length &&
    (demo.groundTruth(p.index).get('workspace.tasks')?.size ?? 0) > 0,
);
if (!person) throw new Error(`the demo world (seed ${DEMO_SEED}) has nobody in every system`);
const subject = { kind: 'phone', value: person.typedPhone };

const admin = requireAdminUrl();
let template: { url: string; drop(): Promise<void> } | undefined;
let initial: WorldSnapshot;
let reference: { plan: ErasurePlan; final: WorldSnapshot };

/** What closes the current copy's world and drops its database, latest first. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  await killWorkerProcesses();
  for (let step = cleanups.pop(); step; step = cleanups.pop()) await step().catch(() => undefined);
}

/** A world on a fresh copy of the template, closed and dropped by `cleanUp`. */
async function copyWorld(): Promise<DemoRequestsWorld> {
  const copy = await copyTestDatabase(admin, (template as { url: string }).url);
  cleanups.push(copy.drop);
  const world = await startDemoRequestsWorld(copy.url);
  cleanups.push(() => world.close());
  return world;
}

async function planAndApprove(world: DemoRequestsWorld): Promise<string> {
  const planned = await requestErasure(world.runtime, DPO, {
    subject,
    identityVerification: 'SMS code sent to the account phone',
  });
  expect(planned.status).toBe('awaiting_approval');
  await approveRequest(world.runtime, DPO, planned.id);
  return planned.id;
}

/** Runs tasks in this process until the request and every one of its tasks are done. */
async function finish(world: DemoRequestsWorld, requestId: string): Promise<void> {
  const worker = createRequestWorker(world.runtime, REQUEST_TASK_HANDLERS, {
    workerId: 'restarted',
    retryDelayMs: 100,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    await worker.drain();
    const request = await getRequest(world.runtime.store, requestId);
    const tasks = await listTasks(world.runtime.store, requestId);
    if (request?.status === 'completed' && tasks.every((t) => t.status === 'done')) return;
    if (Date.now() > deadline)
      throw new Error(
        `request ${request?.status}: ${tasks.map((t) => `${t.kind}/${t.system}=${t.status}`).join(', ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function planOf(world: DemoRequestsWorld, request: Parameters<typeof unsealPlan>[1]) {
  return unsealPlan(world.runtime, request).erasure as ErasurePlan;
}

beforeAll(async () => {
  template = await createDemoDatabase(admin);
  // the demo's six-month hold on security logs, in the template's store: every copy keeps
  // the same recent logs, so exempt rows are part of what must come out the same
  const setup = await startDemoRequestsWorld(template.url);
  try {
    await placeHold(setup.runtime, DPO, {
      reason: 'legal_obligation',
      collection: 'security.security_logs',
      retainDays: 180,
      dateField: 'logged_at',
    });
    initial = await snapshotDemoTables(setup.db);
  } finally {
    await setup.close();
  }
  const world = await copyWorld();
  const id = await planAndApprove(world);
  await finish(world, id);
  const request = await getRequest(world.runtime.store, id);
  reference = { plan: planOf(world, request!), final: await snapshotDemoTables(world.db) };
  expect(reference.plan.sources.map((s) => s.system).sort()).toEqual([...DEMO_SCHEMAS].sort());
  expect(reference.plan.exempt.length).toBeGreaterThan(0);
  await cleanUp();
}, 60_000);

afterEach(cleanUp);
afterAll(async () => {
  await cleanUp();
  await template?.drop();
});

interface Scenario {
  readonly name: string;
  readonly pauseAt: PauseAt;
}

const scenarios: Scenario[] = [
  { name: 'claimed its first erase task', pauseAt: { point: 'claimed', kind: 'erase' } },
  ...DEMO_SCHEMAS.map((system): Scenario => ({
    name: `is inside the ${system} transaction, about to commit`,
    pauseAt: { point: 'before-commit', kind: 'erase', system },
  })),
  {
    name: 'committed the workspace rewrites but has not marked the task done',
    pauseAt: { point: 'after-effects', kind: 'erase', system: 'workspace' },
  },
  { name: 'claimed the verification', pauseAt: { point: 'claimed', kind: 'verify' } },
  {
    name: 'verified (request completed) but has not marked the task done',
    pauseAt: { point: 'after-effects', kind: 'verify' },
  },
];

describe('a worker process killed with SIGKILL mid-erasure', () => {
  it.each(scenarios)(
    'when it $name, a restarted worker ends as an uninterrupted run',
    async ({ pauseAt }) => {
      const world = await copyWorld();
      const requestId = await planAndApprove(world);
      const crashing = startWorkerProcess(world.endpoint, {
        id: 'crashing',
        mode: 'pause',
        leaseMs: LEASE_MS,
        pauseAt,
      });
      const paused = await crashing.waitFor(/^PAUSED (\S+) (\S+) (\S+) (\S+)$/, 30_000);
      const [, point, kind, system, taskId] = paused as unknown as [
        string,
        WorkerPoint,
        string,
        string,
        string,
      ];
      expect({ point, kind }).toMatchObject({ point: pauseAt.point, kind: pauseAt.kind });
      if (point === 'before-commit' && system !== 'support') {
        // stopped inside the open transaction: nothing of this source is committed yet
        const now = await snapshotDemoTables(world.db);
        expect(systemRows(now, system)).toEqual(systemRows(initial, system));
      }
      await crashing.kill();

      await finish(world, requestId);

      const request = await getRequest(world.runtime.store, requestId);
      expect(request).toMatchObject({ status: 'completed', result: { counts: { remaining: 0 } } });
      const plan = planOf(world, request!);
      expect(planWithoutRandom(plan)).toEqual(planWithoutRandom(reference.plan));
      const final = await snapshotDemoTables(world.db);
      expect(stateWithoutRandom(final, plan)).toEqual(
        stateWithoutRandom(reference.final, reference.plan),
      );

      // no task completed twice; the one the dead worker held was claimed again and done once
      const tasks: TaskRecord[] = await listTasks(world.runtime.store, requestId);
      const events = await listRequestEvents(world.runtime.store, requestId);
      for (const task of tasks) {
        const of = (event: string) =>
          events.filter((e) => e.event === event && e.taskId === task.id);
        expect({ task: `${task.kind}/${task.system}`, done: of('task_done').length }).toEqual({
          task: `${task.kind}/${task.system}`,
          done: 1,
        });
        if (task.id === taskId) {
          // (the dead worker may have claimed it more than once: a busy machine can cost it a
          // 1-second lease, and it retries; the fresh worker claims it only once)
          const claims = of('task_claimed').map((e) => e.actor);
          expect({
            first: claims[0],
            last: claims.at(-1),
            restarted: claims.filter((a) => a === 'restarted').length,
          }).toEqual({ first: 'crashing', last: 'restarted', restarted: 1 });
          expect(of('task_done').map((e) => e.actor)).toEqual(['restarted']);
        }
      }
      expect(tasks.map((t) => t.id)).toContain(taskId);
    },
  );
});

/**
 * Two worker processes on one store (issue #5 Fault tests: "Two gateway processes on one
 * store never run the same task at the same time"; SPEC §6 durable jobs, `FOR UPDATE SKIP
 * LOCKED`). Twenty requests of different people — access exports and erasures, whose
 * verification is queued by whichever worker finishes a request's last source — are queued
 * on a real PostgreSQL store; two child processes running the production worker loop drain
 * them together. From the request events and what each process reports it ran: every task
 * was claimed once (no lease ran out: they are 30 s) and completed once, by the process that
 * ran it, and both processes did part of the work.
 */
import { approveRequest, requestAccess, requestErasure } from '../../src/requests';
import type { RequestEventRecord, TaskRecord } from '../../src/store';
import { getRequest, listRequestEvents, listTasks } from '../../src/store';
import type { DemoPerson } from '../../seeds/demo/generate';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { DemoRequestsWorld } from '../support/demo-requests-world';
import {
  createDemoDatabase,
  DEMO_SEED,
  DEMO_SUBJECTS,
  DPO,
  requireAdminUrl,
  startDemoRequestsWorld,
} from '../support/demo-requests-world';
import type { WorkerProcess } from '../support/worker-processes';
import { killWorkerProcesses, startWorkerProcess } from '../support/worker-processes';

jest.setTimeout(120_000);

const demo = generateDemoWorld({ subjects: DEMO_SUBJECTS, seed: DEMO_SEED });
const ERASURES = 5;
const ACCESS = 15;

let database: { url: string; drop(): Promise<void> } | undefined;
let world: DemoRequestsWorld;

beforeAll(async () => {
  database = await createDemoDatabase(requireAdminUrl());
  world = await startDemoRequestsWorld(database.url);
}, 60_000);
afterAll(async () => {
  await killWorkerProcesses();
  await world?.close();
  await database?.drop();
});

/** People to erase whose rows meet nowhere but in their organisation: each plan stands on
 * its own whatever order the erasures run in. */
function erasable(): DemoPerson[] {
  const chosen: DemoPerson[] = [];
  const taken = new Set<string>();
  for (const person of demo.people) {
    if (person.flags.legalHold || person.flags.sharesDeviceWith !== undefined) continue;
    if (person.flags.workspaceOnly) continue;
    const rows = [...demo.groundTruth(person.index)]
      .filter(([address]) => address !== 'workspace.organizations')
      .flatMap(([address, keys]) => [...keys].map((key) => `${address} ${key}`));
    if (rows.some((row) => taken.has(row))) continue;
    for (const row of rows) taken.add(row);
    chosen.push(person);
    if (chosen.length === ERASURES) break;
  }
  return chosen;
}

async function allDone(ids: readonly string[]): Promise<boolean> {
  for (const id of ids) {
    const request = await getRequest(world.runtime.store, id);
    if (request?.status !== 'completed') return false;
    if ((await listTasks(world.runtime.store, id)).some((t) => t.status !== 'done')) return false;
  }
  return true;
}

test('two worker processes share the queue and never run one task twice', async () => {
  const rt = world.runtime;
  const toErase = erasable();
  expect(toErase).toHaveLength(ERASURES);
  const toExport = demo.people
    .filter((p) => !toErase.includes(p) && !p.flags.workspaceOnly)
    .slice(0, ACCESS);
  const ids: string[] = [];
  for (const person of toErase) {
    const planned = await requestErasure(rt, DPO, {
      subject: { kind: 'phone', value: person.typedPhone },
      identityVerification: 'ID card checked at the service desk',
    });
    expect(planned.status).toBe('awaiting_approval');
    await approveRequest(rt, DPO, planned.id);
    ids.push(planned.id);
  }
  for (const person of toExport) {
    const request = await requestAccess(rt, DPO, {
      subject: { kind: 'email', value: person.identities.email[0] as string },
      identityVerification: 'ID card checked at the service desk',
    });
    ids.push(request.id);
  }

  const workers: WorkerProcess[] = ['worker-a', 'worker-b'].map((id) =>
    startWorkerProcess(world.endpoint, { id, mode: 'serve' }),
  );
  await Promise.all(workers.map((w) => w.waitFor(/^READY$/)));
  for (const w of workers) w.send('go');
  const deadline = Date.now() + 60_000;
  while (!(await allDone(ids))) {
    if (Date.now() > deadline) throw new Error('the two workers did not finish the queue');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const w of workers) w.send('stop');
  await Promise.all(workers.map((w) => w.waitFor(/^STOPPED \d+$/)));
  await Promise.all(workers.map((w) => w.exited));

  const tasks: TaskRecord[] = [];
  const events: RequestEventRecord[] = [];
  for (const id of ids) {
    tasks.push(...(await listTasks(rt.store, id)));
    events.push(...(await listRequestEvents(rt.store, id)));
  }
  // 15 exports, 5 erasures × (one task per source + a verification)
  expect(tasks.filter((t) => t.kind === 'export')).toHaveLength(ACCESS);
  expect(tasks.filter((t) => t.kind === 'verify')).toHaveLength(ERASURES);

  // what each process says it ran, with when: task id → [worker, start, end]
  const runs = workers.flatMap((w) =>
    w.lines
      .map((line) => /^RUN (\S+) (\d+) (\d+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ worker: w.id, task: m[1], start: Number(m[2]), end: Number(m[3]) })),
  );
  for (const task of tasks) {
    const of = (event: string) =>
      events.filter((e) => e.event === event && e.taskId === task.id).map((e) => e.actor);
    const ran = runs.filter((r) => r.task === task.id).map((r) => r.worker);
    const name = `${task.kind}/${task.system}`;
    expect({ task: name, claimed: of('task_claimed'), failed: of('task_failed') }).toEqual({
      task: name,
      claimed: [expect.stringMatching(/^worker-[ab]$/)],
      failed: [],
    });
    // claimed once, run once, completed once — by the same process
    expect({ task: name, ran, done: of('task_done') }).toEqual({
      task: name,
      ran: of('task_claimed'),
      done: of('task_claimed'),
    });
    expect(task.attempts).toBe(1);
  }
  expect(runs).toHaveLength(tasks.length);

  const byWorker = (id: string) => runs.filter((r) => r.worker === id).length;
  expect({ a: byWorker('worker-a') > 0, b: byWorker('worker-b') > 0 }).toEqual({
    a: true,
    b: true,
  });
  // and the two did run side by side: some task of one overlaps in time a task of the other
  const a = runs.filter((r) => r.worker === 'worker-a');
  const b = runs.filter((r) => r.worker === 'worker-b');
  expect(a.some((x) => b.some((y) => x.start < y.end && y.start < x.end))).toBe(true);
});

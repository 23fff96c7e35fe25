/**
 * SPEC §9's per-person figures, one person at a time through the rights-request service
 * (src/requests) with a worker in the same process, as a gateway runs it, minus GraphQL
 * and HTTP:
 * - access export: `requestAccess` (find the person, record the request, queue the export)
 *   and the worker until the `export` task has built, sealed and stored the package;
 * - erasure with verification: `requestErasure` (find the person, plan, seal the plan),
 *   `approveRequest` (queue one `erase` task per source), and the worker until the request
 *   is `completed`: every source's steps, then the `verify` traversal.
 * Each request must end `completed` (or, for an erasure, be planned): otherwise it is
 * counted as failed and left out of the latencies.
 */
import { buildAccessPackage } from '../src/core/requests/access-package';
import { serializePackage } from '../src/core/requests/serialize-package';
import { seal } from '../src/core/crypto/seal';
import type { RequestsRuntime } from '../src/requests';
import {
  approveRequest,
  createRequestWorker,
  requestAccess,
  requestErasure,
} from '../src/requests';
import { canonicalSeed, collectPeople } from '../src/requests/collect-person';
import { getRequest } from '../src/store';
import { BENCH_ROLE } from './bench-caller';
import type { PhaseCost } from './phase-cost';
import type { Percentiles, StatementCount, TaskTimes } from './request-timing';
import {
  now,
  percentiles,
  statementCount,
  statementsBetween,
  timedTaskHandlers,
} from './request-timing';

export const BENCH_ACTOR = { subject: 'privgraph-bench', role: BENCH_ROLE } as const;
const VERIFIED = 'benchmark: generated person';

export const subjectByPhone = (phone: string) => ({
  subject: { kind: 'phone', value: phone },
  identityVerification: VERIFIED,
});

export interface LatencyFigures {
  readonly people: number;
  readonly completed: number;
  readonly failures: readonly string[];
  /** The whole request, ms. */
  readonly latencyMs: Percentiles;
  /** Its parts, ms. */
  readonly stepsMs: Readonly<Record<string, Percentiles>>;
  /** Mean statements per request, to the store and to the sources (PostgreSQL). */
  readonly statements: StatementCount;
  /** What the timed requests cost the machine (null: not measured, as in the warm-up). */
  readonly cost: PhaseCost | null;
}

/** Measures what `work` costs per request (phase-cost.ts `withCost`), or nothing. */
export type CostProbe = <T>(
  work: () => Promise<T>,
  requests: (result: T) => number,
) => Promise<{ result: T; cost: PhaseCost | null }>;

export const NO_COST: CostProbe = async (work) => ({ result: await work(), cost: null });

/** Collects one sample of every step, reported in the order `steps` names them; steps
 * never sampled stay out. */
class Samples {
  readonly total: number[] = [];
  readonly steps: Map<string, number[]>;
  readonly statements: StatementCount[] = [];
  constructor(steps: readonly string[]) {
    this.steps = new Map(steps.map((step) => [step, []]));
  }
  add(step: string, ms: number): void {
    this.steps.set(step, [...(this.steps.get(step) ?? []), ms]);
  }
  figures(people: number, failures: string[], cost: PhaseCost | null): LatencyFigures {
    const mean = (pick: (s: StatementCount) => number) =>
      Math.round((this.statements.reduce((n, s) => n + pick(s), 0) / this.total.length) * 10) /
        10 || 0;
    return {
      people,
      completed: this.total.length,
      failures,
      latencyMs: percentiles(this.total),
      stepsMs: Object.fromEntries(
        [...this.steps]
          .filter(([, ms]) => ms.length > 0)
          .map(([step, ms]) => [step, percentiles(ms)]),
      ),
      statements: { store: mean((s) => s.store), sources: mean((s) => s.sources) },
      cost,
    };
  }
}

function workerOf(rt: RequestsRuntime, times: TaskTimes) {
  return createRequestWorker(rt, timedTaskHandlers(times), { retryDelayMs: 100 });
}

/** The export task's own steps, timed again on the same person right after its request:
 * the traversal, the package (built and serialised to canonical JSON), its sealing. */
async function exportSteps(rt: RequestsRuntime, phone: string, samples: Samples): Promise<number> {
  const seed = canonicalSeed(rt.map, subjectByPhone(phone).subject);
  const t0 = now();
  const [person] = await collectPeople(rt.traversal, rt.sources, [seed], rt.maxRounds);
  if (!person) return 0;
  const t1 = now();
  const pkg = buildAccessPackage({
    map: rt.map,
    graph: person,
    generatedAt: new Date().toISOString(),
    requestId: 'bench',
  });
  const { json } = serializePackage(pkg);
  const t2 = now();
  seal(rt.keys.sealKey, Buffer.from(json, 'utf8'), 'package:bench');
  const t3 = now();
  samples.add('export task: traversal', t1 - t0);
  samples.add('export task: package', t2 - t1);
  samples.add('export task: seal', t3 - t2);
  return t3 - t0;
}

const ACCESS_STEPS = [
  'request (find, record, queue)',
  'export task',
  'export task: traversal',
  'export task: package',
  'export task: seal',
  'export task: store (the rest)',
  'worker (claim, complete)',
];

export async function measureAccess(
  rt: RequestsRuntime,
  phones: readonly string[],
  probe: CostProbe,
): Promise<LatencyFigures> {
  const times: TaskTimes = new Map();
  const worker = workerOf(rt, times);
  const samples = new Samples(ACCESS_STEPS);
  const failures: string[] = [];
  const { result: exportTaskMs, cost } = await probe(
    async () => {
      const exported = new Map<string, number>();
      for (const phone of phones) {
        times.clear();
        const before = statementCount();
        const t0 = now();
        const request = await requestAccess(rt, BENCH_ACTOR, subjectByPhone(phone));
        const t1 = now();
        await worker.drain();
        const t2 = now();
        const after = statementCount();
        const done = await getRequest(rt.store, request.id);
        if (done?.status !== 'completed') {
          failures.push(`access ${request.id}: ${done?.status ?? 'gone'}`);
          continue;
        }
        const exportMs = times.get('export') ?? 0;
        exported.set(phone, exportMs);
        samples.total.push(t2 - t0);
        samples.statements.push(statementsBetween(before, after));
        samples.add('request (find, record, queue)', t1 - t0);
        samples.add('export task', exportMs);
        samples.add('worker (claim, complete)', t2 - t1 - exportMs);
      }
      return exported;
    },
    (exported) => exported.size,
  );
  // The export task's steps, timed again on each person once every request is done (so
  // they stay out of the requests' cost); the rest of the task — reading and unsealing the
  // request, storing the package, completing the request — by difference.
  for (const [phone, exportMs] of exportTaskMs)
    samples.add(
      'export task: store (the rest)',
      exportMs - (await exportSteps(rt, phone, samples)),
    );
  return samples.figures(phones.length, failures, cost);
}

export async function measureErasure(
  rt: RequestsRuntime,
  phones: readonly string[],
  probe: CostProbe,
): Promise<LatencyFigures & { readonly afterApprovalMs: Percentiles }> {
  const times: TaskTimes = new Map();
  const worker = workerOf(rt, times);
  const samples = new Samples([
    'plan',
    'approve',
    'execute (erase tasks)',
    ...rt.map.systems.map((system) => `execute: ${system.key}`),
    'verify',
    'worker (claim, complete, advance)',
  ]);
  const afterApproval: number[] = [];
  const failures: string[] = [];
  const { cost } = await probe(
    async () => {
      for (const phone of phones) {
        times.clear();
        const before = statementCount();
        const t0 = now();
        const planned = await requestErasure(rt, BENCH_ACTOR, subjectByPhone(phone));
        const t1 = now();
        if (planned.status !== 'awaiting_approval') {
          failures.push(`erasure ${planned.id}: not planned (${planned.status})`);
          continue;
        }
        await approveRequest(rt, BENCH_ACTOR, planned.id);
        const t2 = now();
        await worker.drain();
        const t3 = now();
        const after = statementCount();
        const done = await getRequest(rt.store, planned.id);
        if (done?.status !== 'completed') {
          failures.push(`erasure ${planned.id}: ${done?.status ?? 'gone'}`);
          continue;
        }
        const erase = times.get('erase') ?? 0;
        const verify = times.get('verify') ?? 0;
        samples.total.push(t3 - t0);
        samples.statements.push(statementsBetween(before, after));
        afterApproval.push(t3 - t1);
        samples.add('plan', t1 - t0);
        samples.add('approve', t2 - t1);
        samples.add('execute (erase tasks)', erase);
        for (const [task, ms] of times)
          if (task.startsWith('erase ')) samples.add(`execute: ${task.slice('erase '.length)}`, ms);
        samples.add('verify', verify);
        samples.add('worker (claim, complete, advance)', t3 - t2 - erase - verify);
      }
    },
    () => samples.total.length,
  );
  return {
    ...samples.figures(phones.length, failures, cost),
    afterApprovalMs: percentiles(afterApproval),
  };
}

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
}

/** Collects one sample of every step; steps never reported stay out. */
class Samples {
  readonly total: number[] = [];
  readonly steps = new Map<string, number[]>();
  readonly statements: StatementCount[] = [];
  add(step: string, ms: number): void {
    this.steps.set(step, [...(this.steps.get(step) ?? []), ms]);
  }
  figures(people: number, failures: string[]): LatencyFigures {
    const mean = (pick: (s: StatementCount) => number) =>
      Math.round((this.statements.reduce((n, s) => n + pick(s), 0) / this.total.length) * 10) /
        10 || 0;
    return {
      people,
      completed: this.total.length,
      failures,
      latencyMs: percentiles(this.total),
      stepsMs: Object.fromEntries([...this.steps].map(([step, ms]) => [step, percentiles(ms)])),
      statements: { store: mean((s) => s.store), sources: mean((s) => s.sources) },
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

export async function measureAccess(
  rt: RequestsRuntime,
  phones: readonly string[],
): Promise<LatencyFigures> {
  const times: TaskTimes = new Map();
  const worker = workerOf(rt, times);
  const samples = new Samples();
  const failures: string[] = [];
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
    samples.total.push(t2 - t0);
    samples.statements.push(statementsBetween(before, after));
    samples.add('request (find, record, queue)', t1 - t0);
    samples.add('export task', exportMs);
    // the rest of the task: reading and unsealing the request, storing the package, the
    // request's completion (by difference: its other steps are timed again just after)
    const steps = await exportSteps(rt, phone, samples);
    samples.add('export task: store (the rest)', exportMs - steps);
    samples.add('worker (claim, complete)', t2 - t1 - exportMs);
  }
  return samples.figures(phones.length, failures);
}

export async function measureErasure(
  rt: RequestsRuntime,
  phones: readonly string[],
): Promise<LatencyFigures & { readonly afterApprovalMs: Percentiles }> {
  const times: TaskTimes = new Map();
  const worker = workerOf(rt, times);
  const samples = new Samples();
  const afterApproval: number[] = [];
  const failures: string[] = [];
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
  return {
    ...samples.figures(phones.length, failures),
    afterApprovalMs: percentiles(afterApproval),
  };
}

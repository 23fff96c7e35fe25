/**
 * The last task of an erasure or a correction (SPEC §6 "verified: after execution the access
 * traversal runs again; the request completes only when nothing non-exempt is left, and
 * records what it counted"). Erasure: a new traversal from every identity the plan was made
 * from, plus the rewritten rows re-read by key. Correction: every corrected row re-read.
 * A source that does not answer fails the task (retried): nothing completes unverified.
 */
import { verifyErasure } from '../core/requests/verify-erasure';
import type { RowKeyValues, SourcePlan } from '../core/requests/model';
import { valueText } from '../core/identity/canonical';
import type { SourceRow } from '../core/traversal/source-row';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { RequestRecord, TaskRecord } from '../store';
import { getRequest, transitionRequest } from '../store';
import { auditRequest, listed, workerOf } from './audit-request';
import { collectPeople, readRowsByKey } from './collect-person';
import { unsealPlan } from './erasure-plan-store';
import { mergePeople } from './merge-people';
import { erasureReply } from './request-replies';
import type { AuditedBy } from './audit-request';
import type { RequestsRuntime } from './requests-runtime';

export async function runVerifyTask(
  rt: RequestsRuntime,
  task: TaskRecord,
): Promise<Record<string, unknown>> {
  const request = await getRequest(rt.store, task.requestId);
  if (!request) throw new Error(`request ${task.requestId} is gone`);
  return request.kind === 'correction'
    ? verifyCorrection(rt, request, workerOf(task))
    : verifyErased(rt, request, workerOf(task));
}

async function verifyErased(
  rt: RequestsRuntime,
  request: RequestRecord,
  by: AuditedBy,
): Promise<Record<string, unknown>> {
  const sealed = unsealPlan(rt, request);
  const plan = sealed.erasure;
  if (!plan) throw new Error(`request ${request.id} has no erasure plan`);
  const seeds = sealed.identities
    .filter((i) => !i.shared)
    .map(({ kind, value }) => ({ kind, value }));
  const found: SubjectGraph = mergePeople(
    await collectPeople(rt.traversal, rt.sources, seeds, rt.maxRounds),
  );
  const wanted = new Map<string, RowKeyValues[]>();
  const want = (collection: string, key: RowKeyValues) =>
    wanted.set(collection, [...(wanted.get(collection) ?? []), key]);
  for (const source of plan.sources)
    for (const step of source.steps) if (step.kind === 'rewrite') want(step.collection, step.key);
  for (const row of plan.unchanged) want(row.collection, row.key);
  const reread = new Map<string, SourceRow[]>();
  for (const [collection, keys] of wanted)
    reread.set(collection, await readRowsByKey(rt.traversal, rt.sources, collection, keys));

  const verification = verifyErasure({ graph: rt.traversal, plan, found, reread });
  if (verification.unverified.length > 0) throw new Error(verification.unverified.join('; '));
  const counts = { ...verification.counts };
  if (verification.remaining.length > 0) {
    const partial = await transitionRequest(
      rt.store,
      request.id,
      {
        status: 'partial',
        result: {
          counts,
          remaining: verification.remaining.map((r) => ({ collection: r.collection, why: r.why })),
        },
      },
      ['in_progress', 'partial'],
    );
    if (partial && request.status !== 'partial')
      await auditRequest(rt, partial, by, {
        kind: 'request',
        event: 'partial',
        detail: {
          ...counts,
          remainingIn: listed([...new Set(verification.remaining.map((r) => r.collection))]),
        },
      });
    return counts;
  }
  const completed = await transitionRequest(
    rt.store,
    request.id,
    {
      status: 'completed',
      completedAt: rt.now(),
      result: { counts },
      reply: erasureReply(
        request.kind === 'account_closure' ? 'account_closure' : 'erasure',
        plan,
        counts,
      ),
    },
    ['in_progress', 'partial'],
  );
  if (completed)
    await auditRequest(rt, completed, by, {
      kind: 'request',
      event: 'completed',
      detail: counts,
    });
  return counts;
}

async function verifyCorrection(
  rt: RequestsRuntime,
  request: RequestRecord,
  by: AuditedBy,
): Promise<Record<string, unknown>> {
  const sources: readonly SourcePlan[] = unsealPlan(rt, request).correction ?? [];
  const wrong: string[] = [];
  let corrected = 0;
  for (const source of sources) {
    const byCollection = new Map<
      string,
      { key: RowKeyValues; set: Readonly<Record<string, string | null>> }[]
    >();
    for (const step of source.steps)
      if (step.kind === 'rewrite')
        byCollection.set(step.collection, [...(byCollection.get(step.collection) ?? []), step]);
    for (const [collection, steps] of byCollection) {
      const rows = await readRowsByKey(
        rt.traversal,
        rt.sources,
        collection,
        steps.map((s) => s.key),
      );
      const primaryKey = rt.traversal.nodes.get(collection)?.def.primaryKey ?? [];
      const keyOf = (values: Readonly<Record<string, unknown>>) =>
        JSON.stringify(primaryKey.map((k) => valueText(values[k])));
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      for (const step of steps) {
        const row = byKey.get(keyOf(step.key));
        const ok =
          row !== undefined &&
          Object.entries(step.set).every(([field, value]) => valueText(row[field]) === value);
        if (ok) corrected += 1;
        else wrong.push(collection);
      }
    }
  }
  const category = readableCategory(rt, String(request.details.category));
  if (wrong.length > 0) {
    const partial = await transitionRequest(
      rt.store,
      request.id,
      { status: 'partial', result: { corrected, notCorrected: wrong } },
      ['in_progress', 'partial'],
    );
    if (partial && request.status !== 'partial')
      await auditRequest(rt, partial, by, {
        kind: 'request',
        event: 'partial',
        detail: { corrected, notCorrected: wrong.length, remainingIn: listed([...new Set(wrong)]) },
      });
    return { corrected, notCorrected: wrong.length };
  }
  const completed = await transitionRequest(
    rt.store,
    request.id,
    {
      status: 'completed',
      completedAt: rt.now(),
      result: { corrected, systems: sources.length },
      reply:
        corrected === 0
          ? `We hold no ${category} about you that differs from the value you gave; nothing needed correcting.`
          : `Your ${category} is corrected in ${corrected} places across ${sources.length} systems.`,
    },
    ['in_progress', 'partial'],
  );
  if (completed)
    await auditRequest(rt, completed, by, {
      kind: 'request',
      event: 'completed',
      detail: { corrected, systems: sources.length },
    });
  return { corrected };
}

/** A category as the person reads it in a reply: its taxonomy name ("Phone number" →
 * "phone number"; "IP address" keeps its capitals), not its dotted key. */
function readableCategory(rt: RequestsRuntime, key: string): string {
  const name = rt.map.categories.get(key)?.name;
  if (!name) return key;
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

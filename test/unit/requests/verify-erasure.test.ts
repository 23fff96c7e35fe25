import type { ErasurePlan, LegalHold } from '../../../src/core/requests/model';
import { verifyErasure } from '../../../src/core/requests/verify-erasure';
import type { SourceRow } from '../../../src/core/traversal/source-row';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import type { Tables } from './world';
import { findPerson, worldGraph, worldTables } from './world';
import { applyPlan, planFor, rereadPerson } from './plan-harness';

const graph = worldGraph();

/** The plan's rewritten and unchanged rows, read again by key from `tables`. */
function reread(plan: ErasurePlan, tables: Tables): Map<string, SourceRow[]> {
  const wanted = [
    ...plan.sources
      .flatMap((s) => s.steps)
      .flatMap((step) => (step.kind === 'rewrite' ? [step] : [])),
    ...plan.unchanged,
  ];
  const rows = new Map<string, SourceRow[]>();
  for (const { collection, key } of wanted) {
    const row = (tables[collection] ?? []).find((r) =>
      Object.entries(key).every(([field, value]) => r[field] === value),
    );
    if (row) rows.set(collection, [...(rows.get(collection) ?? []), row]);
  }
  return rows;
}

async function executeAndVerify(
  options: {
    holds?: LegalHold[];
    skip?: (plan: ErasurePlan) => ErasurePlan;
    after?: (t: Tables) => void;
  } = {},
) {
  const tables = worldTables();
  const { plan } = await planFor(graph, tables, '1', { holds: options.holds });
  const after = applyPlan(tables, options.skip ? options.skip(plan) : plan);
  options.after?.(after);
  const found = await findPerson(graph, after, 'uid', '1');
  return { plan, verification: verifyErasure({ graph, plan, found, reread: reread(plan, after) }) };
}

describe('verifyErasure', () => {
  it('finds nothing left after the plan ran, and counts what it did', async () => {
    const { verification } = await executeAndVerify();
    expect(verification).toEqual({
      remaining: [],
      counts: { deleted: 9, rewritten: 7, unchanged: 0, exempt: 0, shared: 10, remaining: 0 },
      unverified: [],
    });
  });

  it('accepts exempt rows found again', async () => {
    const holds: LegalHold[] = [{ id: 'h', reason: 'legal_obligation', collection: 'acct.users' }];
    const { verification } = await executeAndVerify({ holds });
    expect(verification.remaining).toEqual([]);
    expect(verification.counts.exempt).toBe(1);
  });

  it('reports a row written after the plan was made', async () => {
    const holds: LegalHold[] = [{ id: 'h', reason: 'legal_obligation', collection: 'acct.users' }];
    const { verification } = await executeAndVerify({
      holds,
      after: (tables) => tables['sec.user_devices']!.push({ user_id: 1, device_id: 'D9' }),
    });
    expect(verification.remaining).toEqual([
      {
        collection: 'sec.user_devices',
        key: { user_id: 1, device_id: 'D9' },
        why: 'not in the plan (written after the plan was made?)',
      },
    ]);
  });

  it('reports a rewrite that did not land, found only by reading the row again', async () => {
    const { verification } = await executeAndVerify({
      skip: (plan) => ({
        ...plan,
        sources: plan.sources.map((source) => ({
          ...source,
          steps: source.steps.filter((step) => !(step.kind === 'rewrite' && step.key.id === 1001)),
        })),
      }),
    });
    expect(verification.remaining).toEqual([
      { collection: 'work.tasks', key: { id: 1001 }, why: 'not rewritten: title' },
    ]);
  });

  it.each([
    ['a deleted row', 'acct.users', 1, 'the plan deleted it, but it is still there'],
    ['a rewritten row', 'work.employees', 100, 'not rewritten: user_id, email, name'],
  ])('reports %s still found as it was', async (_case, collection, id, why) => {
    const tables = worldTables();
    const { plan } = await planFor(graph, tables, '1');
    const before = await findPerson(graph, tables, 'uid', '1');
    const { remaining } = verifyErasure({ graph, plan, found: before, reread: new Map() });
    expect(remaining).toContainEqual({ collection, key: { id }, why });
    // kept rows (shared ones here) are never reported
    expect(remaining.some((r) => r.collection === 'work.orgs' && r.key.id === 10)).toBe(false);
    expect(remaining.some((r) => r.collection === 'sec.devices' && r.key.device_id === 'D1')).toBe(
      false,
    );
  });

  it('checks rows the plan found already erased: they must still hold their targets', async () => {
    const tables = worldTables();
    const first = await planFor(graph, tables, '1');
    const after = applyPlan(tables, first.plan);
    // plan again over the same rows, now erased: no steps, only unchanged rows
    const { plan } = await planFor(graph, after, '1', {
      person: rereadPerson(graph, first.input.person, after),
    });
    expect(plan.sources).toEqual([]);
    after['work.employees'] = after['work.employees']!.map((row) =>
      row.id === 100 ? { ...row, name: 'Ann Lee' } : row,
    );
    const found = await findPerson(graph, after, 'uid', '1');
    const result = verifyErasure({ graph, plan, found, reread: reread(plan, after) });
    expect(result.remaining).toEqual([
      { collection: 'work.employees', key: { id: 100 }, why: 'not rewritten: name' },
    ]);
    expect(result.counts.unchanged).toBe(7);
  });

  it.each<[string, Partial<SubjectGraph>, string[]]>([
    [
      'a source that did not answer',
      { failures: [{ system: 'sec', message: 'down' }] },
      ['system sec did not answer: down'],
    ],
    ['a traversal cut short', { truncated: true }, ['the traversal stopped at its round limit']],
  ])('cannot vouch for what it could not see: %s', async (_case, change, unverified) => {
    const tables = worldTables();
    const { plan } = await planFor(graph, tables, '1');
    const after = applyPlan(tables, plan);
    const found = { ...(await findPerson(graph, after, 'uid', '1')), ...change };
    expect(verifyErasure({ graph, plan, found, reread: reread(plan, after) }).unverified).toEqual(
      unverified,
    );
  });

  it('ignores collections the map no longer has', () => {
    const plan: ErasurePlan = {
      sources: [
        { system: 'gone', steps: [{ kind: 'delete', collection: 'gone.rows', keys: [{ id: 1 }] }] },
      ],
      exempt: [],
      shared: [],
      unchanged: [],
      problems: [],
      notes: [],
    };
    const found: SubjectGraph = { identities: [], rows: new Map(), failures: [], truncated: false };
    const result = verifyErasure({
      graph,
      plan,
      found,
      reread: new Map([['gone.rows', [{ id: 1 }]]]),
    });
    expect(result.remaining).toEqual([]);
    expect(result.counts.deleted).toBe(1);
  });
});

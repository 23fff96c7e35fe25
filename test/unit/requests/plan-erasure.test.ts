import type { ColumnFacts } from '../../../src/core/requests/erasure-targets';
import type { LegalHold, RewriteStep } from '../../../src/core/requests/model';
import { planErasure } from '../../../src/core/requests/plan-erasure';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import { applyPlan, counterRandom, planFor, rereadPerson, stepSummary } from './plan-harness';
import { findPerson, WORLD_MAP, worldGraph, worldMap, worldTables } from './world';

const graph = worldGraph();

describe('planErasure', () => {
  it('plans Ann’s erasure: per source, children first, deletes batched, shared rows kept', async () => {
    const { plan } = await planFor(graph, worldTables(), '1');
    expect(stepSummary(plan)).toEqual([
      'delete acct.users 1',
      'rewrite work.employees 101 user_id,name', // before the organisation it points to
      'rewrite work.orgs 11 name', // her organisation alone: she is its last member
      'rewrite work.approvals 5001 comment', // approvals before their tasks
      'rewrite work.approvals 5002 comment',
      'rewrite work.tasks 1000 title',
      'rewrite work.tasks 1001 title',
      'delete work.comments 5,6,9', // comments before their author
      'rewrite work.employees 100 user_id,email,name',
      'delete sec.user_devices 1/D1,1/D2,1/D3', // links before the device they point at
      'delete sec.devices D3',
      'delete sec.logs 4',
    ]);
    expect(plan.sources.map((source) => source.system)).toEqual(['acct', 'work', 'sec']);
    expect(
      plan.shared.map((row) => `${row.collection} ${Object.values(row.key).join('/')}`),
    ).toEqual([
      'work.orgs 10',
      'work.approvals 5000',
      'work.comments 2',
      'work.comments 3',
      'work.comments 4',
      'sec.devices D1',
      'sec.devices D2',
      'sec.logs 1',
      'sec.logs 2',
      'sec.logs 3',
    ]);
    expect(plan.notes).toEqual([
      'work.comments ["3"] is kept: the shared row work.comments ["4"] still references it through reply_to',
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.exempt).toEqual([]);
  });

  it('records each rewritten value and the strategy behind it', async () => {
    const { plan } = await planFor(graph, worldTables(), '1');
    const rewrites = plan.sources
      .flatMap((source) => source.steps)
      .filter((step): step is RewriteStep => step.kind === 'rewrite');
    const employee = rewrites.find((step) => step.key.id === 100);
    expect(employee).toMatchObject({
      set: { user_id: null, email: null, name: 'A*** L***' },
      strategies: { user_id: 'null', email: 'null', name: 'mask' },
    });
    expect(rewrites.find((step) => step.key.id === 1000)?.set).toEqual({
      title: 'r_tok0000000000000001',
    });
  });

  it('is deterministic: the same input gives the same plan', async () => {
    const { plan, input } = await planFor(graph, worldTables(), '1');
    expect(planErasure({ ...input, random: counterRandom() })).toEqual(plan);
  });

  it('changes nothing the second time: rows already erased produce no step', async () => {
    const tables = worldTables();
    const { plan, input } = await planFor(graph, tables, '1');
    const after = applyPlan(tables, plan);
    const again = planErasure({
      ...input,
      person: rereadPerson(graph, input.person, after),
      random: counterRandom(),
    });
    expect(again.sources).toEqual([]);
    expect(again.unchanged.map((row) => `${row.collection} ${row.key.id}`)).toEqual([
      'work.orgs 11',
      'work.employees 100',
      'work.employees 101',
      'work.tasks 1000',
      'work.tasks 1001',
      'work.approvals 5001',
      'work.approvals 5002',
    ]);
    expect(again.unchanged[1]?.values).toEqual({ user_id: null, email: null, name: 'A*** L***' });
  });

  it('checks holds first: held rows are exempt with the hold’s reason, even when shared', async () => {
    const holds: LegalHold[] = [
      {
        id: 'tax',
        reason: 'legal_obligation',
        subjectKeys: ['uid:1'],
        collection: 'work.approvals',
      },
      { id: 'bob', reason: 'criminal_investigation', subjectKeys: ['uid:2'] },
    ];
    const { plan } = await planFor(graph, worldTables(), '1', { holds });
    expect(
      plan.exempt.map((row) => `${row.collection} ${row.key.id} ${row.holdId} ${row.reason}`),
    ).toEqual([
      'work.approvals 5000 tax legal_obligation',
      'work.approvals 5001 tax legal_obligation',
      'work.approvals 5002 tax legal_obligation',
    ]);
    expect(plan.shared.map((row) => row.collection)).not.toContain('work.approvals');
    expect(stepSummary(plan).filter((step) => step.includes('approvals'))).toEqual([]);
  });

  it('keeps what an exempt row references in its source, under the same hold', async () => {
    const holds: LegalHold[] = [
      { id: 'net', reason: 'legal_obligation', collection: 'sec.user_devices' },
    ];
    const { plan } = await planFor(graph, worldTables(), '1', { holds });
    expect(
      plan.exempt.map(
        (row) => `${row.collection} ${Object.values(row.key).join('/')} ${row.holdId}`,
      ),
    ).toEqual([
      'sec.devices D3 net',
      'sec.user_devices 1/D1 net',
      'sec.user_devices 1/D2 net',
      'sec.user_devices 1/D3 net',
    ]);
    expect(plan.notes).toContain(
      'sec.devices ["D3"] is kept: the exempt row sec.user_devices ["1","D3"] still references it through device_id',
    );
    expect(stepSummary(plan).filter((step) => step.includes('sec.'))).toEqual([
      'delete sec.logs 4',
    ]);
  });

  it('refuses a rewritten row that would keep pointing at a row the plan deletes', async () => {
    const map = worldMap(
      WORLD_MAP.replace(
        'erasure: rewrite\n        fields: { id: {}, name',
        'erasure: delete\n        fields: { id: {}, name',
      ),
    );
    const { plan } = await planFor(worldGraph(map), worldTables(), '1');
    expect(plan.problems).toEqual([
      'work.employees.org_id keeps pointing at rows of work.orgs that this plan deletes: erase the field too (give it a category, or erasure: null), or erase work.employees by deleting rows',
    ]);
  });

  it('refuses a field the source cannot set to null, naming it and the fix', async () => {
    const columns: ColumnFacts = (collection, field) =>
      collection === 'work.employees' && field === 'email'
        ? { type: 'string', nullable: false }
        : undefined;
    const { plan } = await planFor(graph, worldTables(), '1', { columns });
    expect(plan.problems).toEqual([
      'work.employees.email is NOT NULL but its erasure strategy "null" (the default for a field with a category) writes null: set erasure: random or erasure: mask on the field in the data map',
    ]);
  });

  it.each<[string, Partial<SubjectGraph>, string]>([
    [
      'a source that did not answer',
      { failures: [{ system: 'sec', message: 'connection refused' }] },
      'system sec did not answer (connection refused): its rows cannot be planned; retry when it is back',
    ],
    [
      'a traversal stopped at its round limit',
      { truncated: true },
      'the traversal stopped at its round limit before finding the whole person: raise PRIVGRAPH_MAX_TRAVERSAL_ROUNDS and plan again',
    ],
  ])('refuses to plan from %s', async (_case, change, problem) => {
    const ann = await findPerson(graph, worldTables(), 'uid', '1');
    const { plan } = await planFor(graph, worldTables(), '1', { person: { ...ann, ...change } });
    expect(plan.problems).toEqual([problem]);
  });
});

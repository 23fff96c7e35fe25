import { planFor, stepSummary } from './plan-harness';
import { worldGraph, worldTables } from './world';

const graph = worldGraph();

/** Ann's comments: a reply chain (30 → 31 → 32), a cycle (40 ↔ 41) and a row answering itself. */
function threads() {
  const tables = worldTables();
  tables['work.comments']!.push(
    { id: 30, author_id: 100, reply_to: 31, body: 'third' },
    { id: 31, author_id: 100, reply_to: 32, body: 'second' },
    { id: 32, author_id: 100, reply_to: null, body: 'first' },
    { id: 40, author_id: 100, reply_to: 41, body: 'cycle a' },
    { id: 41, author_id: 100, reply_to: 40, body: 'cycle b' },
    { id: 50, author_id: 100, reply_to: 50, body: 'answers itself' },
  );
  return tables;
}

describe('the order of a source’s steps', () => {
  it('orders a self-referencing collection: a reply before the comment it answers', async () => {
    const { plan } = await planFor(graph, threads(), '1');
    const work = stepSummary(plan).filter(
      (step) => step.includes('comments') || step.includes('employees 100'),
    );
    expect(work).toEqual([
      'delete work.comments 5,6,9,30,50', // everything nothing waits on, in one batch
      'delete work.comments 31',
      'delete work.comments 32',
      'delete work.comments 40', // the cycle, broken at its first row
      'delete work.comments 41',
      'rewrite work.employees 100 user_id,email,name', // after every comment naming its author
    ]);
  });

  it('breaks a reference cycle deterministically and says so', async () => {
    const first = await planFor(graph, threads(), '1');
    const second = await planFor(graph, threads(), '1');
    expect(first.plan.notes).toContain(
      'reference cycle: work.comments ["40"] is erased before work.comments ["41"], which reference it',
    );
    expect(first.plan).toEqual(second.plan);
  });

  it('a row pointing at itself needs no order and no note', async () => {
    const { plan } = await planFor(graph, threads(), '1');
    expect(plan.notes.filter((note) => note.includes('"50"'))).toEqual([]);
  });

  it('references across sources impose no order: each source is planned alone', async () => {
    const { plan } = await planFor(graph, worldTables(), '1');
    // employees point at acct.users, yet the account is deleted in its own source plan
    expect(plan.sources.find((source) => source.system === 'acct')?.steps).toEqual([
      { kind: 'delete', collection: 'acct.users', keys: [{ id: 1 }] },
    ]);
  });
});

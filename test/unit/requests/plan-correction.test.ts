import { findOtherOwners } from '../../../src/core/requests/find-other-owners';
import type { CorrectionPlan } from '../../../src/core/requests/plan-correction';
import { planCorrection } from '../../../src/core/requests/plan-correction';
import { findPerson, memoryLookup, worldGraph, worldMap, worldTables } from './world';

const map = worldMap();
const graph = worldGraph(map);

async function correct(category: string, value: string): Promise<CorrectionPlan> {
  const tables = worldTables();
  const rows = await findPerson(graph, tables, 'uid', '1');
  const shared = await findOtherOwners(graph, rows, memoryLookup(tables).lookup);
  return planCorrection({ map, rows, shared, category, value });
}

const summary = (plan: CorrectionPlan): string[] =>
  plan.ok
    ? plan.sources.flatMap((source) =>
        source.steps.map((step) =>
          step.kind === 'rewrite'
            ? `${step.collection} ${Object.values(step.key).join('/')} ${JSON.stringify(step.set)} ${Object.values(step.strategies).join(',')}`
            : 'delete?',
        ),
      )
    : [plan.error];

describe('planCorrection', () => {
  it('sets every field of exactly that category on her own rows, in every system', async () => {
    expect(summary(await correct('user.name', 'Ann Li'))).toEqual([
      'acct.users 1 {"name":"Ann Li"} correct',
      'work.employees 100 {"name":"Ann Li"} correct',
      'work.employees 101 {"name":"Ann Li"} correct',
    ]);
  });

  it('skips rows already holding the value, and empty fields', async () => {
    // employee 101 has no work e-mail: nothing to correct there
    const plan = await correct('user.contact.email', 'ann@example.com');
    expect(summary(plan)).toEqual(['work.employees 100 {"email":"ann@example.com"} correct']);
  });

  it('leaves related rows and rows someone else owns too alone', async () => {
    // orgs 10 and 11 are related rows; approval 5000 and comment 4 are shared with Bob
    expect(summary(await correct('user.workplace', 'x'))).toEqual([
      'work.tasks 1000 {"title":"x"} correct',
      'work.tasks 1001 {"title":"x"} correct',
    ]);
    expect(summary(await correct('user.content', 'x'))).toEqual([
      'work.approvals 5001 {"comment":"x"} correct',
      'work.approvals 5002 {"comment":"x"} correct',
      'work.comments 3 {"body":"x"} correct',
      'work.comments 5 {"body":"x"} correct',
      'work.comments 6 {"body":"x"} correct',
      'work.comments 9 {"body":"x"} correct',
    ]);
  });

  it('never rewrites keys or references, and says which fields it left', async () => {
    const plan = await correct('user.unique_id', '9');
    expect(plan).toEqual({
      ok: true,
      sources: [],
      // references without a category of their own hold their target's (inherited)
      notes: [
        'acct.users.id is part of the primary key',
        'work.employees.user_id is a reference',
        'sec.user_devices.user_id is part of the primary key',
        'sec.logs.user_id is a reference',
      ],
    });
  });

  it('notes a field it cannot reach in a catalogue-only system', async () => {
    const plan = await correct('user.device.device_id', 'D9');
    expect(plan.ok && plan.notes).toEqual([
      'sec.devices.device_id is part of the primary key',
      'sec.user_devices.device_id is part of the primary key',
      'sdk.push.device_id is in a system that cannot be queried',
    ]);
  });

  it('names the categories the map has when asked for one it does not', async () => {
    const plan = await correct('user.contact', 'x');
    expect(plan).toEqual({
      ok: false,
      error:
        "no field of the data map holds category user.contact; the map's categories are: user.contact.email, user.content, user.device, user.device.device_id, user.name, user.unique_id, user.workplace",
      categories: [
        'user.contact.email',
        'user.content',
        'user.device',
        'user.device.device_id',
        'user.name',
        'user.unique_id',
        'user.workplace',
      ],
    });
  });
});

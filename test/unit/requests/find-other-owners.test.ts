import { findOtherOwners } from '../../../src/core/requests/find-other-owners';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import { findPerson, memoryLookup, worldGraph, worldTables } from './world';

const graph = worldGraph();

function roles(person: SubjectGraph): string[] {
  return [...person.rows].flatMap(([address, rows]) =>
    rows.map((row) => `${address} ${row.key} ${row.role}`),
  );
}

describe('the world the tests run on', () => {
  it('finds Ann as the traversal would', async () => {
    const ann = await findPerson(graph, worldTables(), 'uid', '1');
    expect(roles(ann)).toEqual(
      expect.arrayContaining([
        'work.approvals ["5000"] subject',
        'work.orgs ["10"] terminal',
        'sec.devices ["D1"] terminal',
        'sec.logs ["3"] terminal',
        'work.comments ["4"] subject',
      ]),
    );
  });
});

describe('findOtherOwners', () => {
  async function sharedOf(tables = worldTables(), maxDepth?: number) {
    const ann = await findPerson(graph, tables, 'uid', '1');
    const { lookup, calls } = memoryLookup(tables);
    const shared = await findOtherOwners(graph, ann, lookup, { maxDepth });
    const flat = Object.fromEntries(
      [...shared].flatMap(([address, rows]) =>
        [...rows].map(([key, via]) => [`${address} ${key}`, via]),
      ),
    );
    return { flat, calls };
  }

  it.each([
    [
      'an approval of her task by another employee',
      'work.approvals ["5000"]',
      'work.approvals.approver_id',
    ],
    ['a device someone else uses too', 'sec.devices ["D1"]', 'sec.user_devices.device_id'],
    ['the log of a device someone else uses too', 'sec.logs ["1"]', 'sec.user_devices.device_id'],
    ['a log on her device that names another user', 'sec.logs ["3"]', 'sec.logs.user_id'],
    ['her device that log shows another user on', 'sec.devices ["D2"]', 'sec.logs.device_id'],
    ['an organisation with another live employee', 'work.orgs ["10"]', 'work.employees.org_id'],
    [
      'her reply in a thread another person opened',
      'work.comments ["2"]',
      'work.comments.reply_to',
    ],
    ['another person’s reply to her comment', 'work.comments ["4"]', 'work.comments.author_id'],
  ])('%s is shared', async (_case, row, via) => {
    const { flat } = await sharedOf();
    expect(flat[row]).toBe(via);
  });

  it.each([
    ['an approval she gave herself', 'work.approvals ["5001"]'],
    ['an approval by an employee already anonymised', 'work.approvals ["5002"]'],
    ['her own task', 'work.tasks ["1000"]'],
    ['a device only she uses', 'sec.devices ["D3"]'],
    ['the anonymous log of a device only she uses', 'sec.logs ["4"]'],
    ['an organisation whose only live employee she is', 'work.orgs ["11"]'],
    ['her account', 'acct.users ["1"]'],
    ['her reply to herself', 'work.comments ["5"]'],
    ['her reply to a thread nobody owns any more', 'work.comments ["6"]'],
    ['her reply to a comment that is gone', 'work.comments ["9"]'],
  ])('%s is hers alone', async (_case, row) => {
    const { flat } = await sharedOf();
    expect(flat[row]).toBeUndefined();
  });

  it('once the other owner is erased, the row is hers alone', async () => {
    const tables = worldTables();
    tables['acct.users'] = tables['acct.users']!.filter((user) => user.id !== 2);
    tables['work.employees'] = tables['work.employees']!.map((e) =>
      e.id === 200 ? { ...e, user_id: null, email: null } : e,
    );
    tables['sec.user_devices'] = tables['sec.user_devices']!.filter((l) => l.user_id !== 2);
    tables['sec.logs'] = tables['sec.logs']!.map((l) => ({ ...l, user_id: null }));
    const { flat } = await sharedOf(tables);
    expect(flat).toEqual({});
  });

  it('a walk cut short by the depth limit keeps the row (counts as owned)', async () => {
    expect((await sharedOf(worldTables(), 1)).flat['work.comments ["6"]']).toBe(
      'work.comments.reply_to',
    );
    expect((await sharedOf(worldTables(), 0)).flat['work.approvals ["5000"]']).toBe(
      'work.approvals.approver_id',
    );
  });

  it('refuses to answer from a partial view: a failed read rejects', async () => {
    const ann = await findPerson(graph, worldTables(), 'uid', '1');
    const failing = async (): Promise<never> => {
      throw new Error('source "work" is unavailable');
    };
    await expect(findOtherOwners(graph, ann, failing)).rejects.toThrow('unavailable');
  });

  it('reads parents in batches: one lookup per (collection, field) per level', async () => {
    const { calls } = await sharedOf();
    const perGroup = new Map<string, number>();
    for (const { group } of calls) {
      const id = `${group.collection}.${group.field}`;
      perGroup.set(id, (perGroup.get(id) ?? 0) + 1);
    }
    // level 0: the parents of her rows and of the rows linked to her devices and organisation;
    // level 1: the authors of comments read at level 0, and the anonymous thread's root.
    // Her own parents (her account, her employee rows) are known without a read.
    expect(Object.fromEntries(perGroup)).toEqual({
      'work.employees.id': 2,
      'work.comments.id': 2,
      'work.employees.org_id': 1,
      'sec.devices.device_id': 1,
      'sec.logs.device_id': 1,
      'sec.user_devices.device_id': 1,
    });
  });
});

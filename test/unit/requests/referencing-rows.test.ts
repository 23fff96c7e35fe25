/**
 * Rows outside the person's graph that point at rows the plan would delete (a child's family
 * card whose `parent_code` names the person's card, followed `up`): the traversal never finds
 * them, the source's foreign key would refuse the delete. The plan rewrites such a row instead
 * (personal fields erased, key kept) and never touches the other row.
 */
import { findReferencingRows } from '../../../src/core/requests/find-referencing-rows';
import { applyPlan, planFor, stepSummary } from './plan-harness';
import type { Tables } from './world';
import { findPerson, memoryLookup, worldGraph, worldMap } from './world';

const CLUB = `
version: 1
organization: { name: Club }
identities: { code: {}, phone: {} }
purposes: { ops: { name: Ops } }
systems:
  club:
    name: Club
    source: { kind: mysql, url: "mysql://unused/db" }
    collections:
      members:
        primaryKey: [code]
        purposes: [ops]
        erasure: delete
        fields:
          code: { identity: code, category: user.unique_id }
          phone: { identity: phone, category: user.contact.phone_number }
          nickname: { category: user.name, erasure: mask }
          parent_code: { references: club.members.code, follow: up }
          tier: {}
      ledger:
        primaryKey: [code, seq]
        purposes: [ops]
        erasure: delete
        fields:
          code: { references: club.members.code }
          seq: {}
          delta: {}
      referrals:
        primaryKey: [id]
        purposes: [ops]
        erasure: delete
        fields:
          id: {}
          # never followed by the traversal: only this check reads it
          referrer: { references: club.members.code, follow: none }
          friend_phone: { identity: phone, category: user.contact.phone_number }
  crm:
    name: CRM
    source: { kind: postgres, url: "postgres://unused/db", schema: crm }
    collections:
      notes:
        primaryKey: [id]
        purposes: [ops]
        erasure: delete
        fields:
          id: {}
          about: { references: club.members.code, follow: up }
          caller: { identity: phone, category: user.contact.phone_number }
          text: { category: user.content }
`;

const graph = worldGraph(worldMap(CLUB));

function club(): Tables {
  return {
    'club.members': [
      { code: 'M4', phone: '4', nickname: 'Yang', parent_code: null, tier: 'silver' },
      { code: 'M8', phone: null, nickname: 'Kid', parent_code: 'M4', tier: 'bronze' },
      { code: 'M5', phone: '5', nickname: 'Eve', parent_code: null, tier: 'gold' },
    ],
    'club.ledger': [
      { code: 'M4', seq: 1, delta: 10 },
      { code: 'M8', seq: 1, delta: 5 },
    ],
    'club.referrals': [{ id: 1, referrer: 'M5', friend_phone: '9' }],
    'crm.notes': [{ id: 1, about: 'M5', caller: '9', text: 'called' }],
  };
}

const personOf = (tables: Tables, phone: string) => findPerson(graph, tables, 'phone', phone);

describe('findReferencingRows', () => {
  it('finds another member’s card pointing up at the person’s card', async () => {
    const tables = club();
    const yang = await personOf(tables, '4');
    const found = await findReferencingRows(graph, yang, memoryLookup(tables).lookup);
    expect([...(found.get('club.members') ?? [])]).toEqual([
      ['["M4"]', { via: 'club.members.parent_code', fields: ['code'] }],
    ]);
    expect(found.get('club.ledger')).toBeUndefined();
  });

  it('reads references the traversal never follows, across sources too', async () => {
    const tables = club();
    const eve = await personOf(tables, '5');
    const found = await findReferencingRows(graph, eve, memoryLookup(tables).lookup);
    // the referral comes first in map order; the CRM note adds nothing new for the same row
    expect(found.get('club.members')?.get('["M5"]')).toEqual({
      via: 'club.referrals.referrer',
      fields: ['code'],
    });
  });

  it('does not read again what the traversal read: down references into the person’s rows', async () => {
    const tables = club();
    const yang = await personOf(tables, '4');
    const { lookup, calls } = memoryLookup(tables);
    await findReferencingRows(graph, yang, lookup);
    expect(calls.map(({ group }) => `${group.collection}.${group.field}`).sort()).toEqual([
      'club.members.parent_code',
      'club.referrals.referrer',
      'crm.notes.about',
    ]);
  });
});

describe('planErasure with rows outside the plan referencing the person', () => {
  it('rewrites the referenced card instead of deleting it, and leaves the other card alone', async () => {
    const tables = club();
    const { plan } = await planFor(graph, tables, 'unused', {
      person: await personOf(tables, '4'),
    });
    expect(stepSummary(plan)).toEqual([
      'delete club.ledger M4/1',
      'rewrite club.members M4 phone,nickname',
    ]);
    expect(plan.referenced).toEqual([
      { collection: 'club.members', key: { code: 'M4' }, via: 'club.members.parent_code' },
    ]);
    expect(plan.notes).toEqual([
      'club.members ["M4"] is rewritten instead of deleted: rows outside this plan reference it through club.members.parent_code',
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.shared).toEqual([]);

    const after = applyPlan(tables, plan);
    expect(after['club.members']).toEqual([
      { code: 'M4', phone: null, nickname: 'Y***', parent_code: null, tier: 'silver' },
      tables['club.members']![1], // the child's card, untouched, still pointing at M4
      tables['club.members']![2],
    ]);
  });

  it('deletes the card as the map says when nothing outside points at it', async () => {
    const tables = club();
    tables['club.members'] = tables['club.members']!.filter((m) => m.code !== 'M8');
    const { plan } = await planFor(graph, tables, 'unused', {
      person: await personOf(tables, '4'),
    });
    expect(stepSummary(plan)).toEqual(['delete club.ledger M4/1', 'delete club.members M4']);
    expect(plan.referenced).toEqual([]);
  });

  it('refuses a rewrite that would change the field other rows point at', async () => {
    const map = CLUB.replace(
      'referrer: { references: club.members.code, follow: none }',
      'referrer: { references: club.members.phone, follow: none }',
    );
    const byPhone = worldGraph(worldMap(map));
    const tables = club();
    tables['club.referrals'] = [{ id: 1, referrer: '5', friend_phone: '9' }];
    const eve = await findPerson(byPhone, tables, 'phone', '5');
    const { plan } = await planFor(byPhone, tables, 'unused', { person: eve });
    expect(plan.problems).toEqual([
      'club.members.phone is referenced by club.referrals.referrer of rows outside this plan, but its erasure rewrites it: reference club.members by its primary key, or leave phone without a category and erasure strategy',
    ]);
  });
});

/**
 * SPEC §6: "a row that also belongs to another person … is neither deleted nor rewritten while
 * another owner remains". A gift order belongs to its buyer and its recipient; its lines
 * belong to both through the order, so erasing one of them keeps the lines.
 */
import { findOtherOwners } from '../../../src/core/requests/find-other-owners';
import { applyPlan, planFor, stepSummary } from './plan-harness';
import type { Tables } from './world';
import { findPerson, memoryLookup, worldGraph, worldMap } from './world';

const SHOP = `
version: 1
organization: { name: Shop }
identities: { email: { format: email } }
purposes: { ops: { name: Ops } }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: "postgres://unused/db", schema: shop }
    collections:
      customers:
        primaryKey: [id]
        purposes: [ops]
        erasure: rewrite
        fields:
          id: {} # not an identity: an order's recipient never merges two people
          email: { identity: email, category: user.contact.email }
      orders:
        primaryKey: [no]
        purposes: [ops]
        erasure: rewrite
        fields:
          no: {}
          customer_id: { references: shop.customers.id }
          recipient_id: { references: shop.customers.id }
          address: { category: user.contact.address }
      lines:
        primaryKey: [no, line]
        purposes: [ops]
        erasure: delete
        fields:
          no: { references: shop.orders.no }
          line: {}
          note: { category: user.content }
          # a line the buyer signed with her own e-mail is hers by that identity
          signed_by: { identity: email, category: user.contact.email }
      line_events:
        primaryKey: [id]
        purposes: [ops]
        erasure: delete
        fields:
          id: {}
          no: {}
          line: {}
          line_ref: { references: shop.lines.no }
          what: { category: user.content }
`;

const graph = worldGraph(worldMap(SHOP));

function shop(): Tables {
  return {
    'shop.customers': [
      { id: 1, email: 'alice@example.com' },
      { id: 2, email: 'bob@example.com' },
    ],
    'shop.orders': [
      { no: 'O1', customer_id: 1, recipient_id: null, address: 'Alice St' },
      { no: 'O2', customer_id: 1, recipient_id: 2, address: 'Bob St' }, // a gift to Bob
    ],
    'shop.lines': [
      { no: 'O1', line: 1, note: 'for me', signed_by: null },
      { no: 'O2', line: 1, note: 'happy birthday', signed_by: null },
    ],
    'shop.line_events': [{ id: 7, no: 'O2', line: 1, line_ref: 'O2', what: 'wrapped' }],
  };
}

const EMAIL: Record<string, string> = { '1': 'alice@example.com', '2': 'bob@example.com' };

const personOf = (tables: Tables, uid: string) => findPerson(graph, tables, 'email', EMAIL[uid]!);

const planOf = async (tables: Tables, uid: string) =>
  planFor(graph, tables, uid, { person: await personOf(tables, uid) });

async function sharedOf(tables: Tables, uid: string): Promise<Record<string, string>> {
  const person = await personOf(tables, uid);
  const shared = await findOtherOwners(graph, person, memoryLookup(tables).lookup);
  return Object.fromEntries(
    [...shared].flatMap(([address, rows]) =>
      [...rows].map(([key, via]) => [`${address} ${key}`, via]),
    ),
  );
}

describe('ownership flowing down from a shared parent', () => {
  it.each([
    ['Alice', '1', 'recipient_id'],
    ['Bob', '2', 'customer_id'],
  ])('erasing %s keeps the gift order and its lines as shared', async (_who, uid, link) => {
    expect(await sharedOf(shop(), uid)).toMatchObject({
      'shop.orders ["O2"]': `shop.orders.${link}`,
      'shop.lines ["O2","1"]': 'shop.lines.no',
      'shop.line_events ["7"]': 'shop.line_events.line_ref', // a grandchild, too
    });
  });

  it('a child that holds the person’s own identity is hers by it, not shared through the order', async () => {
    const tables = shop();
    tables['shop.lines']!.push({
      no: 'O2',
      line: 2,
      note: 'from Alice',
      signed_by: 'Alice@example.com',
    });
    const shared = await sharedOf(tables, '1');
    expect(shared['shop.lines ["O2","1"]']).toBe('shop.lines.no');
    expect(shared['shop.lines ["O2","2"]']).toBeUndefined();
  });

  it('children of an order only she owns are hers', async () => {
    const shared = await sharedOf(shop(), '1');
    expect(shared['shop.orders ["O1"]']).toBeUndefined();
    expect(shared['shop.lines ["O1","1"]']).toBeUndefined();
  });

  it('the plan neither deletes nor rewrites Bob’s lines, and his lines go with his erasure', async () => {
    const tables = shop();
    const alice = await planOf(tables, '1');
    expect(stepSummary(alice.plan)).toEqual([
      'delete shop.lines O1/1',
      'rewrite shop.orders O1 address',
      'rewrite shop.customers 1 email',
    ]);
    expect(alice.plan.shared.map((row) => `${row.collection} ${row.via}`)).toEqual([
      'shop.orders shop.orders.recipient_id',
      'shop.lines shop.lines.no',
      'shop.line_events shop.line_events.line_ref',
    ]);
    const after = applyPlan(tables, alice.plan);
    expect(after['shop.lines']).toEqual([tables['shop.lines']![1]]);
    expect(after['shop.orders']![1]).toEqual(tables['shop.orders']![1]);

    // Alice is anonymised: nobody else owns the gift any more, Bob's erasure removes it
    const bob = await planOf(after, '2');
    expect(bob.plan.shared).toEqual([]);
    expect(stepSummary(bob.plan)).toEqual([
      'delete shop.line_events 7',
      'delete shop.lines O2/1',
      'rewrite shop.orders O2 address',
      'rewrite shop.customers 2 email',
    ]);
  });
});

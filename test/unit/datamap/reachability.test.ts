import type { MapSpec } from './harness';
import { edit, edits, expectErrors, expectValid } from './harness';
import { unreachableCollections } from '../../../src/core/datamap/validate-reachability';

const orders = ['systems', 'accounts', 'collections', 'orders'];
const users = ['systems', 'accounts', 'collections', 'users'];

/** users ← orders ← lines, with `orders.user_id` followed as given. */
function chain(follow: string, identityOn: 'users' | 'orders'): MapSpec {
  return edits([
    [[...orders, 'fields', 'user_id', 'follow'], follow],
    [[...users, 'fields', 'id', 'identity'], identityOn === 'users' ? 'user_id' : undefined],
    [[...users, 'fields', 'email', 'identity'], identityOn === 'users' ? 'email' : undefined],
    [
      [...orders, 'fields', 'buyer_email'],
      identityOn === 'orders' ? { category: 'user.contact.email', identity: 'email' } : undefined,
    ],
    [['identities', 'user_id'], identityOn === 'users' ? {} : undefined],
    [
      ['systems', 'accounts', 'collections', 'lines'],
      {
        primaryKey: ['id'],
        purposes: ['account_management'],
        fields: { id: {}, order_id: { references: 'accounts.orders.id' } },
      },
    ],
  ]);
}

function unreachable(map: MapSpec): string[] {
  const { map: parsed } = expectValid(map);
  return unreachableCollections(parsed).map((a) => `${a.system}.${a.collection}`);
}

describe('reachability', () => {
  it.each([
    ['down', 'users', []],
    ['both', 'users', []],
    ['up', 'users', ['accounts.orders', 'accounts.lines']],
    ['none', 'users', ['accounts.orders', 'accounts.lines']],
    ['up', 'orders', []],
    ['both', 'orders', []],
    ['down', 'orders', ['accounts.users']],
    ['none', 'orders', ['accounts.users']],
  ])('follow %s with the identity on %s leaves %j unreachable', (follow, identityOn, expected) => {
    const map = chain(follow, identityOn as 'users' | 'orders');
    if (expected.length === 0) {
      expect(unreachable(map)).toEqual([]);
      return;
    }
    expectErrors(
      map,
      expected.map((name) => ({
        message: `no identity or reference path reaches collection ${name}`,
        hint: 'add an identity field or a reference to a reachable collection',
      })),
    );
  });

  it('ignores catalogue-only systems, which are never traversed', () => {
    expect(
      unreachable(edit(['systems', 'sdk', 'collections', 'other'], { fields: { x: {} } })),
    ).toEqual([]);
  });

  it('locates the problem at the collection key', () => {
    expectErrors(edit([...orders, 'fields', 'user_id', 'follow'], 'none'), [
      { path: 'systems.accounts.collections.orders', line: expect.any(Number), column: 7 },
    ]);
  });
});

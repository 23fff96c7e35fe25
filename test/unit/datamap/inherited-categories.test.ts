/**
 * A reference without its own category takes its target's (docs/data-map.md), so what the
 * target's category protects is protected through the reference too: in decisions, in the
 * review and in the hash a pseudonymous join relies on.
 */
import type { DataMap, FieldDef } from '../../../src/core/datamap/model';
import { hashValue } from '../../../src/core/deidentify/hash';
import { decideStatic } from '../../../src/core/policy/decide-static';
import { lintPolicy, reviewFieldsOf } from '../../../src/core/review';
import { policyFrom } from '../review/review-fixtures';
import { edit, edits, expectErrors, expectValid, warningsOf } from './harness';

const orders = ['systems', 'accounts', 'collections', 'orders', 'fields'];
const users = ['systems', 'accounts', 'collections', 'users', 'fields'];

function field(map: DataMap, collection: string, key: string): FieldDef {
  const found = map.systems
    .flatMap((s) => s.collections)
    .find((c) => c.key === collection)
    ?.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${collection}.${key}`);
  return found;
}

const categorisedIds = edits([
  [[...users, 'id'], { identity: 'user_id', category: 'user.unique_id' }],
  [['identities', 'member'], { format: 'lowercase' }],
  [
    ['systems', 'accounts', 'collections', 'cards'],
    {
      primaryKey: ['code'],
      purposes: ['account_management'],
      fields: {
        code: { identity: 'member', category: 'user.account' },
        user_id: { references: 'accounts.users.id' },
      },
    },
  ],
  [
    ['systems', 'accounts', 'collections', 'points'],
    {
      primaryKey: ['id'],
      purposes: ['account_management'],
      fields: {
        id: {},
        card: { references: 'accounts.cards.code' },
        order_id: { references: 'accounts.orders.id' },
      },
    },
  ],
  [[...orders, 'card'], { references: 'accounts.cards.code', follow: 'none' }],
]);

const named = edits(
  [
    [[...users, 'phone'], { identity: 'phone', category: 'user.contact.phone_number' }],
    [['identities', 'phone'], { format: 'phone_cn' }],
    [[...orders, 'buyer_phone'], { references: 'accounts.users.phone', follow: 'none' }],
  ],
  categorisedIds,
);

describe('a reference without a category takes its target’s', () => {
  it('inherits, says from where, and records the identity its values are of', () => {
    const { map } = expectValid(categorisedIds);
    expect(field(map, 'orders', 'user_id')).toMatchObject({
      category: 'user.unique_id',
      categoryFrom: { system: 'accounts', collection: 'users', field: 'id' },
      heldIdentity: 'user_id',
    });
    expect(field(map, 'points', 'card')).toMatchObject({
      category: 'user.account',
      heldIdentity: 'member',
    });
    expect(field(map, 'orders', 'card').category).toBe('user.account'); // whatever its follow
  });

  it('follows a chain of references until a field that declares one', () => {
    const { map } = expectValid(
      edit([...orders, 'id'], { references: 'accounts.cards.user_id' }, categorisedIds),
    );
    expect(field(map, 'orders', 'id')).toMatchObject({
      category: 'user.unique_id',
      categoryFrom: { system: 'accounts', collection: 'users', field: 'id' },
    });
  });

  it('keeps a category the reference declares itself', () => {
    const { map } = expectValid(edit([...orders, 'user_id', 'category'], 'user', categorisedIds));
    expect(field(map, 'orders', 'user_id').category).toBe('user');
    expect(field(map, 'orders', 'user_id').categoryFrom).toBeUndefined();
  });

  it('inherits nothing from an uncategorised target, or around a cycle', () => {
    const { map } = expectValid(categorisedIds);
    expect(field(map, 'points', 'order_id').category).toBeUndefined(); // orders.id has none
    const cycle = expectValid(
      edits(
        [
          [[...orders, 'id'], { references: 'accounts.points.order_id' }],
          [[...users, 'id'], { identity: 'user_id' }],
        ],
        categorisedIds,
      ),
    ).map;
    expect(field(cycle, 'orders', 'id').category).toBeUndefined();
    expect(field(cycle, 'cards', 'user_id').category).toBeUndefined();
  });

  it('reports an unknown category once, where it is declared', () => {
    expectErrors(edit([...users, 'id', 'category'], 'user.uniqe_id', categorisedIds), [
      {
        path: 'systems.accounts.collections.users.fields.id.category',
        message: "unknown category 'user.uniqe_id'",
      },
    ]);
  });

  it('no longer warns that a reference whose name looks personal has no category', () => {
    expect(warningsOf(named).map((w) => w.path)).not.toContain(
      'systems.accounts.collections.orders.fields.buyer_phone',
    );
  });
});

describe('what sees the inherited category', () => {
  const { map } = expectValid(categorisedIds);
  const policy = policyFrom(
    `
version: 1
purposes: { account_management: {} }
roles:
  clerk:
    purposes: [account_management]
    rules:
      - { category: user.contact, access: allow }
      - { category: user.unique_id, access: hash }
      - { category: user.account, access: deny }
`,
    map,
  );
  const review = new Map(reviewFieldsOf(map).map((f) => [f.address, f]));
  const decide = (address: string) => {
    const f = review.get(address);
    if (!f) throw new Error(address);
    return decideStatic(policy, {
      role: 'clerk',
      purpose: 'account_management',
      category: f.category,
      collectionPurposes: f.collectionPurposes,
      defaultMethod: f.defaultMethod,
    });
  };

  it('decides the reference as its target: hashed, or denied', () => {
    expect(decide('accounts.orders.user_id')).toMatchObject({
      effect: 'transform',
      method: 'hash',
    });
    expect(decide('accounts.points.card')).toMatchObject({ effect: 'deny' });
    expect(decide('accounts.orders.total')).toMatchObject({ reason: 'NOT_PERSONAL' });
  });

  it('hashes a reference in its target identity’s canonical form, so pseudonyms still join', () => {
    const key = Buffer.alloc(32, 7);
    const ref = review.get('accounts.points.card');
    const target = review.get('accounts.cards.code');
    expect(ref?.identityFormat).toBe('lowercase');
    expect(hashValue('LM-0001', { ...ref }, key)).toBe(hashValue('lm-0001', { ...target }, key));
  });

  it('is not linted as an uncategorised field, whatever its name suggests', () => {
    const uncategorised = lintPolicy(policy, expectValid(named).map)
      .filter((f) => f.code.startsWith('UNCATEGORISED'))
      .map((f) => f.path);
    expect(uncategorised).not.toContain('systems.accounts.collections.orders.fields.buyer_phone');
    expect(uncategorised).toEqual([]);
  });
});

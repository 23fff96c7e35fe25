import { hashValue } from '../../../src/core/deidentify/hash';
import type { FieldType } from '../../../src/core/datamap/model';
import type { ColumnFacts } from '../../../src/core/requests/erasure-targets';
import { erasureTargets } from '../../../src/core/requests/erasure-targets';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { KEYS } from '../deidentify/keys';
import { counterRandom } from './plan-harness';
import { worldMap } from './world';

const MAP = `
version: 1
organization: { name: Targets Co }
identities: { email: { format: email }, phone: { format: phone_cn } }
purposes: { ops: { name: Operations } }
systems:
  s:
    name: S
    source: { kind: postgres, url: "postgres://unused/db", schema: s }
    collections:
      people:
        primaryKey: [id]
        purposes: [ops]
        erasure: rewrite
        fields:
          id: { category: user.unique_id, erasure: random }
          email: { identity: email, category: user.contact.email, erasure: mask }
          phone: { identity: phone, category: user.contact.phone_number, erasure: hash }
          nick: { category: user.name, erasure: random }
          note: { category: user.content }
          plain: {}
          born: { category: user.demographic.date_of_birth, erasure: mask }
`;
const node = buildTraversalGraph(worldMap(MAP)).nodes.get('s.people')!;
const PHONE_HASH = hashValue('+86 138 0013 8000', { identityFormat: 'phone_cn' }, KEYS.hashKey);

const ROW = {
  id: 7,
  email: 'ann@example.com',
  phone: '+86 138 0013 8000',
  nick: 'annie',
  note: 'likes tea',
  plain: 'kept',
  born: '1990-04-01',
};

function targets(row: Record<string, unknown>, columns: ColumnFacts = () => undefined) {
  return erasureTargets(node, row, { columns, keys: KEYS, random: counterRandom() });
}

const facts =
  (type: FieldType | undefined, nullable: boolean, only?: string): ColumnFacts =>
  (_collection, field) =>
    only === undefined || field === only ? { type, nullable } : undefined;

describe('erasureTargets', () => {
  it('rewrites each personal field by its strategy, keeps the key and fields without a category', () => {
    const result = targets(ROW);
    expect(result.set).toEqual({
      email: 'a***@example.com',
      phone: PHONE_HASH,
      nick: 'r_tok0000000000000001',
      note: null,
      born: '****4-01',
    });
    expect(result.strategies).toEqual({
      email: 'mask',
      phone: 'hash',
      nick: 'random',
      note: 'null',
      born: 'mask',
    });
    expect(result.set).not.toHaveProperty('id');
    expect(result.set).not.toHaveProperty('plain');
    expect(result.problems).toEqual([]);
  });

  it.each([
    [
      'null stays null under every strategy',
      { email: null, phone: null, nick: null, note: null, born: null },
    ],
    ['a mask that is its own mask', { email: 'a***@example.com' }],
    ['a value already hashed', { phone: PHONE_HASH }],
    ['a value already randomised', { nick: 'r_abcdefghijklmnop' }],
  ])('leaves a field alone when it holds its target: %s', (_case, values) => {
    const result = targets({ ...ROW, ...values });
    for (const field of Object.keys(values)) {
      expect(result.set).not.toHaveProperty(field);
      expect(result.targets).toHaveProperty(field, values[field as keyof typeof values]);
    }
  });

  it('draws a random value only for a value not drawn before', () => {
    expect(targets({ ...ROW, nick: 'r_short' }).set.nick).toBe('r_tok0000000000000001');
  });

  it.each<[string, ColumnFacts, Record<string, unknown>, Record<string, string | null>]>([
    ['a date column cannot hold a mask', facts('date', true, 'born'), {}, { born: null }],
    [
      'a number stored in a text column is text to randomise',
      facts('string', true, 'nick'),
      { nick: 12345678 },
      { nick: 'r_tok0000000000000001' },
    ],
    [
      'an undeclared column holding a number gets null',
      () => undefined,
      { nick: 42 },
      { nick: null },
    ],
  ])('%s', (_case, columns, values, expected) => {
    expect(targets({ ...ROW, ...values }, columns).set).toMatchObject(expected);
  });

  it.each<[string, ColumnFacts, string]>([
    [
      'a NOT NULL text column whose default strategy writes null',
      facts('string', false, 'note'),
      's.people.note is NOT NULL but its erasure strategy "null" (the default for a field with a category) writes null: set erasure: random or erasure: mask on the field in the data map',
    ],
    [
      'a NOT NULL date column that a mask cannot write to',
      facts('date', false, 'born'),
      's.people.born is a NOT NULL date column and "mask" can only write null to it: make the column nullable, or erase s.people by deleting rows (erasure: delete)',
    ],
    [
      'a NOT NULL column of unknown type holding a number',
      facts(undefined, false, 'nick'),
      's.people.nick is a NOT NULL non-text column and "random" can only write null to it: make the column nullable, or erase s.people by deleting rows (erasure: delete)',
    ],
  ])('refuses %s, naming the field and the fix', (_case, columns, problem) => {
    const result = targets({ ...ROW, nick: 5 }, columns);
    expect(result.problems).toEqual([problem]);
    const field = problem.split(' ')[0]!.split('.')[2]!;
    expect(result.set).not.toHaveProperty(field);
  });
});

describe('a reference whose category is inherited', () => {
  const orders = buildTraversalGraph(
    worldMap(`
version: 1
organization: { name: Targets Co }
identities: { uid: {} }
purposes: { ops: { name: Operations } }
systems:
  s:
    name: S
    source: { kind: postgres, url: "postgres://unused/db", schema: s }
    collections:
      people:
        primaryKey: [id]
        purposes: [ops]
        fields: { id: { identity: uid, category: user.unique_id } }
      orders:
        primaryKey: [id]
        purposes: [ops]
        erasure: rewrite
        fields:
          id: {}
          buyer: { references: s.people.id }
          payer: { references: s.people.id, erasure: null }
          total: {}
`),
  ).nodes.get('s.orders')!;
  const rewrite = (columns: ColumnFacts = () => undefined) =>
    erasureTargets(
      orders,
      { id: 1, buyer: 7, payer: 7, total: 10 },
      { columns, keys: KEYS, random: counterRandom() },
    );

  it('is kept unless the map gives it a strategy: the row it points at decides', () => {
    expect(orders.def.fields.find((f) => f.key === 'buyer')?.category).toBe('user.unique_id');
    expect(rewrite().set).toEqual({ payer: null });
  });

  it('so a NOT NULL key column stays erasable', () => {
    expect(rewrite(facts('int', false, 'buyer')).problems).toEqual([]);
  });
});

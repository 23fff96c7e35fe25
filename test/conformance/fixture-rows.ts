/**
 * The conformance fixture's rows: each chosen to catch one way a connector can differ from
 * the PostgreSQL reference — exactness past 2^53, decimals, NULLs, case, accents and trailing
 * spaces under a case-insensitive collation, a number typed with punctuation, SQL in data.
 */
import type { FixtureRow } from './connector-factory';

const EMPTY = {
  account_no: null,
  balance: null,
  ratio: null,
  active: null,
  born_on: null,
  seen_at: null,
  profile: null,
  note: null,
} as const;

export const FIXTURE_ROWS: readonly FixtureRow[] = [
  {
    id: 1,
    account_no: '9007199254740993', // 2^53 + 1: lost by any float on the way
    balance: '1234.50',
    ratio: 0.25,
    active: true,
    born_on: '1990-02-28',
    seen_at: new Date('2024-03-01T08:30:00.123Z'),
    profile: { tier: 'gold', tags: ['a', 'b'] },
    note: '数智空间 note',
    email: 'Li.Wei@Example.COM',
    phone: '+86 138-0013-8000',
    code: 'AbC-1',
  },
  // the same person's email and phone in other spellings; everything else NULL
  { id: 2, ...EMPTY, email: 'li.wei@example.com', phone: '0086 13800138000', code: 'abc-1' },
  {
    id: 3,
    account_no: '-9223372036854775808',
    balance: '-0.01',
    ratio: -1.5,
    active: false,
    born_on: '2012-12-31',
    seen_at: new Date('1999-12-31T23:59:59.000Z'),
    profile: [1, 'two', null],
    note: "O'Brien'); DROP TABLE conformance_people; --",
    email: 'wang.fang+x@example.com', // `wang.fang@` is someone else
    phone: '138 0013 8001',
    code: 'abc-1 ', // a trailing space makes another key
  },
  // `jürgen@` is not `jurgen@`; 12345 is not a mobile number
  {
    id: 4,
    ...EMPTY,
    profile: 'just text', // a JSON string: not to be parsed twice
    note: '',
    email: 'jürgen@example.com',
    phone: '12345',
    code: 'zhang',
  },
  // a stored trailing space: PostgreSQL's lower(email) keeps it, so it matches nothing
  { id: 5, ...EMPTY, email: 'zhang@example.com ', phone: null, code: null },
];

export function fixtureRow(id: number): FixtureRow {
  const row = FIXTURE_ROWS.find((r) => r.id === id);
  if (!row) throw new Error(`no fixture row ${id}`);
  return row;
}

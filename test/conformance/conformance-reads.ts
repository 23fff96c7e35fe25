/**
 * Conformance cases that read: one statement per batched lookup, the map's scalar types,
 * canonical identity comparisons as PostgreSQL makes them, NULLs, hostile keys, describe.
 */
import { SourceUnavailableError } from '../../src/sources/connector';
import type { ConformanceContext } from './connector-conformance';
import { ALL_KEYS, asSourceRow, idsOf, lookupRequest } from './connector-conformance';
import { FIXTURE_COLUMNS, MISSING_TABLE, FIXTURE_TABLE } from './connector-factory';
import { FIXTURE_ROWS, fixtureRow } from './fixture-rows';

export function describeReadCases(context: ConformanceContext): void {
  const { people } = context;
  const lookup = async (...args: Parameters<typeof lookupRequest>) => {
    const target = context.target();
    target.statements.length = 0;
    const rows = await target.connector.lookup(lookupRequest(...args));
    return { rows, statements: target.statements.length };
  };

  describe('reads', () => {
    beforeAll(() => context.target().seed(FIXTURE_ROWS));

    it('sends one statement for many keys, whatever their number', async () => {
      const many = Array.from({ length: 50 }, (_, i) => String(i + 1));
      const byId = await lookup(people, 'id', 'exact', many);
      expect(idsOf(byId.rows)).toEqual([1, 2, 3, 4, 5]);
      expect(byId.statements).toBe(1);
      const emails = ['li.wei@example.com', ...many.map((n) => `nobody${n}@example.com`)];
      const byEmail = await lookup(people, 'email', 'email', emails);
      expect(idsOf(byEmail.rows)).toEqual([1, 2]);
      expect(byEmail.statements).toBe(1);
    });

    it('returns every type in the same form as the PostgreSQL connector', async () => {
      const { rows } = await lookup(people, 'id', 'exact', ['1', '3', '4'], ALL_KEYS);
      const sorted = [...rows].sort((a, b) => Number(a.id) - Number(b.id));
      expect(sorted).toEqual([1, 3, 4].map((id) => asSourceRow(fixtureRow(id))));
      const first = sorted[0] ?? {};
      expect(typeof first.id).toBe('number');
      expect(typeof first.account_no).toBe('string');
      expect(typeof first.balance).toBe('string');
      expect(first.seen_at).toBeInstanceOf(Date);
    });

    it('returns NULLs as null, and NULL matches nothing', async () => {
      const { rows } = await lookup(people, 'id', 'exact', ['2'], ALL_KEYS);
      expect(rows).toEqual([asSourceRow(fixtureRow(2))]);
      expect((await lookup(people, 'phone', 'phone_cn', ['+8612345678901'])).rows).toEqual([]);
      expect((await lookup(people, 'id', 'exact', [])).statements).toBe(0);
    });

    it('selects only the requested keys plus the matched one', async () => {
      const { rows } = await lookup(people, 'code', 'exact', ['zhang'], ['remark']);
      expect(rows).toEqual([{ remark: '', code: 'zhang' }]);
    });

    it('compares emails case-insensitively and whole, with no accent or space folding', async () => {
      const ids = async (value: string) =>
        idsOf((await lookup(people, 'email', 'email', [value])).rows);
      expect(await ids('li.wei@example.com')).toEqual([1, 2]);
      expect(await ids('wang.fang@example.com')).toEqual([]);
      expect(await ids('wang.fang+x@example.com')).toEqual([3]);
      expect(await ids('jurgen@example.com')).toEqual([]);
      expect(await ids('jürgen@example.com')).toEqual([4]);
      expect(await ids('zhang@example.com')).toEqual([]);
    });

    it('compares CN mobile numbers in +86 form, whatever the stored punctuation', async () => {
      const ids = async (value: string) =>
        idsOf((await lookup(people, 'phone', 'phone_cn', [value])).rows);
      expect(await ids('+8613800138000')).toEqual([1, 2]);
      expect(await ids('+8613800138001')).toEqual([3]);
      expect(await ids('+8612345')).toEqual([]);
    });

    it('compares exact string keys byte for byte: case and trailing spaces matter', async () => {
      const ids = async (...values: string[]) =>
        idsOf((await lookup(people, 'code', 'exact', values)).rows);
      expect(await ids('abc-1')).toEqual([2]);
      expect(await ids('AbC-1', 'abc-1 ')).toEqual([1, 3]);
      expect(await ids('ABC-1')).toEqual([]);
    });

    it('answers born_after.<field> without returning the date', async () => {
      const { rows } = await lookup(
        people,
        'id',
        'exact',
        ['1', '2', '3'],
        ['id', 'born_after.born_on'],
        '2000-01-01',
      );
      const byId = Object.fromEntries(rows.map((r) => [Number(r.id), r['born_after.born_on']]));
      expect(byId).toEqual({ 1: false, 2: null, 3: true });
      expect(rows.every((r) => !('born_on' in r))).toBe(true);
    });

    it.each([
      [
        'id',
        ['1 OR 1=1', "1' OR '1'='1", '-1 UNION SELECT 1', '1; DROP TABLE x', '9'.repeat(10_240)],
      ],
      ['code', ["' OR '1'='1", "abc-1' --", '\\', '%', 'x'.repeat(10_240)]],
      ['email', ["' OR ''='", `${'a'.repeat(10_240)}@example.com`]],
    ])('hostile %s keys find nothing, raise nothing, change nothing', async (field, values) => {
      const match = field === 'email' ? 'email' : 'exact';
      const { rows, statements } = await lookup(people, field, match, values);
      expect(rows).toEqual([]);
      // values that cannot be integers never reach the source
      if (field === 'id') expect(statements).toBe(0);
      expect(await context.target().readBack()).toEqual(FIXTURE_ROWS);
    });

    it('describes columns and types, and a missing table as not existing', async () => {
      const [table, missing] = await context.target().connector.describe([people, context.missing]);
      expect(table?.table).toBe(FIXTURE_TABLE);
      expect(table?.exists).toBe(true);
      const described = Object.fromEntries((table?.columns ?? []).map((c) => [c.column, c.type]));
      for (const { column, type } of FIXTURE_COLUMNS)
        expect({ column, type: described[column] }).toEqual({ column, type });
      expect(table?.columns.find((c) => c.column === 'id')?.nullable).toBe(false);
      expect(table?.columns.find((c) => c.column === 'note')?.nullable).toBe(true);
      expect(missing).toMatchObject({ table: MISSING_TABLE, exists: false, columns: [] });
      // what identifies a row (the start-up check of primaryKey): SQL catalogues say, an HTTP
      // service has none to ask
      if (context.factory.kind === 'http') expect(table?.uniqueKeys).toBeUndefined();
      else expect(table?.uniqueKeys).toEqual([['id']]);
    });

    it('reports a failing statement as the source’s error, without the values', async () => {
      const secret = 'secret-value@example.com';
      const error = await context
        .target()
        .connector.lookup(lookupRequest(context.missing, 'email', 'email', [secret]))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect((error as SourceUnavailableError).system).toBe(context.target().connector.system);
      expect(String((error as Error).message)).not.toContain(secret);
    });
  });
}

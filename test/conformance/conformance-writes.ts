/**
 * Conformance cases that write (SPEC §6, rights requests): update one row by key, delete
 * many rows in one statement, keys matched exactly, and a transaction the caller controls —
 * committed when the work resolves, rolled back when it throws.
 */
import type { ConformanceContext } from './connector-conformance';
import type { FixtureRow } from './connector-factory';
import { FIXTURE_ROWS, fixtureRow } from './fixture-rows';

export function describeWriteCases(context: ConformanceContext): void {
  const { people, byCode } = context;
  const target = () => context.target();
  const statementsOf = (pattern: RegExp) =>
    target().statements.filter((s) => pattern.test(s.text)).length;
  const without = (...ids: number[]) => FIXTURE_ROWS.filter((row) => !ids.includes(row.id));
  const replaced = (row: FixtureRow) => FIXTURE_ROWS.map((r) => (r.id === row.id ? row : r));

  describe('writes', () => {
    beforeEach(async () => {
      await target().seed(FIXTURE_ROWS);
      target().statements.length = 0;
    });

    it('updates one row by primary key, with values of every type', async () => {
      const changes = {
        remark: 'changed',
        active: false,
        balance: '0.00',
        born_on: '2000-01-01',
        seen_at: new Date('2025-01-02T03:04:05.678Z'),
        profile: { erased: true },
        email: null,
      };
      const changed = await target().connector.transaction((tx) =>
        tx.update(people, { id: 1 }, changes),
      );
      expect(changed).toBe(1);
      const { remark, ...sameNames } = changes;
      expect(await target().readBack()).toEqual(
        replaced({ ...fixtureRow(1), ...sameNames, note: remark }),
      );
      expect(statementsOf(/update/i)).toBe(1);
    });

    it('updates nothing for a key that is gone, hostile, or no changes', async () => {
      const counts = await target().connector.transaction(async (tx) => [
        await tx.update(people, { id: 99 }, { remark: 'x' }),
        await tx.update(people, { id: '1 OR 1=1' }, { remark: 'x' }),
        await tx.update(people, { id: 1 }, {}),
      ]);
      expect(counts).toEqual([0, 0, 0]);
      expect(await target().readBack()).toEqual(FIXTURE_ROWS);
    });

    it('deletes many rows with one statement', async () => {
      const keys = [{ id: 1 }, { id: 2 }, { id: 3 }];
      const deleted = await target().connector.transaction((tx) => tx.delete(people, keys));
      expect(deleted).toBe(3);
      expect(statementsOf(/delete/i)).toBe(1);
      expect(await target().readBack()).toEqual(without(1, 2, 3));
    });

    it('deletes nothing for no keys, gone keys or hostile keys', async () => {
      const counts = await target().connector.transaction(async (tx) => [
        await tx.delete(people, []),
        await tx.delete(people, [{ id: 98 }, { id: 99 }]),
        await tx.delete(people, [{ id: '1 OR 1=1' }]),
      ]);
      expect(counts).toEqual([0, 0, 0]);
      expect(await target().readBack()).toEqual(FIXTURE_ROWS);
    });

    it('matches string keys exactly: `abc-1` is neither `AbC-1` nor `abc-1 `', async () => {
      const deleted = await target().connector.transaction(async (tx) => [
        await tx.update(byCode, { code: 'abc-1' }, { remark: 'only two' }),
        await tx.delete(byCode, [{ code: 'abc-1' }, { code: 'ABC-1' }]),
      ]);
      expect(deleted).toEqual([1, 1]);
      expect(await target().readBack()).toEqual(without(2));
    });

    it('commits what the work did and returns its result', async () => {
      const result = await target().connector.transaction(async (tx) => {
        await tx.update(people, { id: 4 }, { remark: 'kept' });
        await tx.delete(people, [{ id: 5 }]);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await target().readBack()).toEqual(
        without(5).map((row) => (row.id === 4 ? { ...row, note: 'kept' } : row)),
      );
    });

    const atomic = (context.factory.transactions ?? 'atomic') === 'atomic';
    it(
      atomic
        ? 'rolls everything back when the work throws, and rethrows its error'
        : 'keeps the writes made before the work throws, and rethrows its error',
      async () => {
        const failure = new Error('the work failed');
        await expect(
          target().connector.transaction(async (tx) => {
            await tx.update(people, { id: 1 }, { remark: 'written' });
            await tx.delete(people, [{ id: 2 }, { id: 3 }]);
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await target().readBack()).toEqual(
          atomic
            ? FIXTURE_ROWS
            : without(2, 3).map((row) => (row.id === 1 ? { ...row, note: 'written' } : row)),
        );
      },
    );
  });
}

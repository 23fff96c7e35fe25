import { holdProtecting } from '../../../src/core/requests/match-holds';
import type { LegalHold } from '../../../src/core/requests/model';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { NOW } from './plan-harness';
import { worldMap } from './world';

const nodes = buildTraversalGraph(worldMap()).nodes;
const logs = nodes.get('sec.logs')!.def;
const users = nodes.get('acct.users')!.def;
const ANN = new Set(['uid:ann']);
const LOG = { id: 1, device_id: 'D1', at: '2025-01-01T00:00:00Z' };

const hold = (id: string, extra: Partial<LegalHold> = {}): LegalHold => ({
  id,
  reason: 'legal_obligation',
  ...extra,
});

describe('holdProtecting', () => {
  it.each<[string, LegalHold, string | undefined | null]>([
    // [case, hold, until (undefined: open-ended; null: does not protect)]
    ['a hold on the person', hold('h', { subjectKeys: ['uid:ann'] }), undefined],
    ['a hold on someone else', hold('h', { subjectKeys: ['uid:bob'] }), null],
    ['a hold naming no one', hold('h', { subjectKeys: [] }), null],
    [
      'a hold on the person in this collection',
      hold('h', { subjectKeys: ['uid:ann'], collection: 'sec.logs' }),
      undefined,
    ],
    [
      'a hold on the person in another collection',
      hold('h', { subjectKeys: ['uid:ann'], collection: 'acct.users' }),
      null,
    ],
    ['a hold on the whole collection', hold('h', { collection: 'sec.logs' }), undefined],
    [
      'an expired hold',
      hold('h', { collection: 'sec.logs', expiresAt: '2025-05-31T00:00:00Z' }),
      null,
    ],
    [
      'a hold expiring later',
      hold('h', { collection: 'sec.logs', expiresAt: '2025-12-31T00:00:00Z' }),
      '2025-12-31T00:00:00.000Z',
    ],
    [
      'a hold with an unreadable expiry',
      hold('h', { collection: 'sec.logs', expiresAt: 'someday' }),
      undefined,
    ],
    [
      'a row inside its retention period',
      hold('h', { collection: 'sec.logs', retainDays: 180, dateField: 'at' }),
      '2025-06-30T00:00:00.000Z',
    ],
    [
      'a row past its retention period',
      hold('h', { collection: 'sec.logs', retainDays: 30, dateField: 'at' }),
      null,
    ],
    [
      'retention ending before the hold expires',
      hold('h', {
        collection: 'sec.logs',
        retainDays: 180,
        dateField: 'at',
        expiresAt: '2026-01-01T00:00:00Z',
      }),
      '2025-06-30T00:00:00.000Z',
    ],
    [
      'a hold expiring before the retention ends',
      hold('h', {
        collection: 'sec.logs',
        retainDays: 180,
        dateField: 'at',
        expiresAt: '2025-06-10T00:00:00Z',
      }),
      '2025-06-10T00:00:00.000Z',
    ],
  ])('%s', (_case, given, until) => {
    const found = holdProtecting([given], ANN, logs, LOG, NOW);
    if (until === null) expect(found).toBeUndefined();
    else expect(found).toEqual(until === undefined ? { hold: given } : { hold: given, until });
  });

  it.each<[string, unknown, string | undefined]>([
    ['a Date', new Date('2025-05-01T00:00:00Z'), '2025-06-10T00:00:00.000Z'],
    ['epoch milliseconds', Date.parse('2025-05-01T00:00:00Z'), '2025-06-10T00:00:00.000Z'],
    ['a missing date (nothing proves the period is over)', null, undefined],
    ['an unreadable date', 'last spring', undefined],
    ['an invalid Date', new Date('x'), undefined],
    ['an infinite number', Infinity, undefined],
  ])('reads the retention date from %s', (_case, at, until) => {
    const given = hold('h', { retainDays: 40, dateField: 'at' });
    const found = holdProtecting([given], ANN, logs, { ...LOG, at }, NOW);
    expect(found).toEqual(until === undefined ? { hold: given } : { hold: given, until });
  });

  it('a retention hold does not cover a collection without its date field', () => {
    const given = hold('h', { retainDays: 10, dateField: 'at' });
    expect(holdProtecting([given], ANN, users, { id: 1 }, NOW)).toBeUndefined();
  });

  it.each<[string, LegalHold[], string]>([
    [
      'an open-ended hold over one that ends',
      [hold('b', { expiresAt: '2030-01-01T00:00:00Z' }), hold('a')],
      'a',
    ],
    [
      'the later end of two',
      [
        hold('a', { expiresAt: '2026-01-01T00:00:00Z' }),
        hold('b', { expiresAt: '2030-01-01T00:00:00Z' }),
      ],
      'b',
    ],
    ['the smaller id of two equal', [hold('b'), hold('a')], 'a'],
    ['the smaller id, whatever the order', [hold('a'), hold('b')], 'a'],
  ])('of several holds, reports the one protecting longest: %s', (_case, holds, id) => {
    expect(holdProtecting(holds, ANN, logs, LOG, NOW)?.hold.id).toBe(id);
  });
});

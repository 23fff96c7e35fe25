import {
  jsonScalar,
  rowKeyOfValues,
  rowKeyValues,
} from '../../../src/core/requests/row-key-values';
import {
  cryptoRandomToken,
  isRandomised,
  RANDOM_PREFIX,
} from '../../../src/core/requests/random-text';
import { rowKey } from '../../../src/core/traversal/row-key';
import { worldGraph } from './world';

const links = worldGraph().nodes.get('sec.user_devices')!.def;

describe('row keys as a plan records them', () => {
  it.each<[string, unknown, string | number | boolean | null]>([
    ['a string', 'D1', 'D1'],
    ['a number', 7, 7],
    ['a boolean', true, true],
    ['null', null, null],
    ['undefined', undefined, null],
    ['a bigint, as text', 9007199254740993n, '9007199254740993'],
    ['an infinite number, as text', Infinity, 'Infinity'],
    ['an instant, as ISO text', new Date('2025-01-01T00:00:00Z'), '2025-01-01T00:00:00.000Z'],
  ])('keeps %s JSON-safe', (_case, value, expected) => {
    expect(jsonScalar(value)).toEqual(expected);
  });

  it('turns back into the traversal’s row key, whatever the JSON round trip did', () => {
    const row = { user_id: 9007199254740993n, device_id: 'D1', extra: 'ignored' };
    const recorded = JSON.parse(JSON.stringify(rowKeyValues(links, row))) as Record<string, string>;
    expect(recorded).toEqual({ user_id: '9007199254740993', device_id: 'D1' });
    expect(rowKeyOfValues(links, recorded)).toBe(rowKey(links, row));
  });
});

describe('random erasure values', () => {
  it('draws 128 bits as 22 url-safe characters, recognised once prefixed', () => {
    const token = cryptoRandomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cryptoRandomToken()).not.toBe(token);
    expect(isRandomised(RANDOM_PREFIX + token)).toBe(true);
  });

  it.each(['r_short', 'x_abcdefghijklmnop', 'r_abcdefghijklmno!', 'plain text'])(
    'does not take %s for a drawn value',
    (value) => {
      expect(isRandomised(value)).toBe(false);
    },
  );
});

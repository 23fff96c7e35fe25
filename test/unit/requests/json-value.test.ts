import { createHash } from 'node:crypto';
import { canonicalJson, toJsonValue } from '../../../src/core/requests/json-value';
import { packageContentHash } from '../../../src/core/requests/serialize-package';

describe('toJsonValue', () => {
  it.each<[string, unknown, unknown]>([
    ['null', null, null],
    ['undefined', undefined, null],
    ['a string', 'a', 'a'],
    ['a boolean', false, false],
    ['a number', 1.5, 1.5],
    ['NaN, as text', NaN, 'NaN'],
    ['a bigint, as text', 12345678901234567890n, '12345678901234567890'],
    ['an instant, in ISO form', new Date('2025-01-02T03:04:05Z'), '2025-01-02T03:04:05.000Z'],
    ['an invalid date', new Date('x'), null],
    ['bytes, in hex', Buffer.from([0xca, 0xfe]), 'cafe'],
    [
      'a json column, deeply',
      { b: [1, new Date(0)], a: { c: undefined } },
      { b: [1, '1970-01-01T00:00:00.000Z'], a: { c: null } },
    ],
  ])('%s', (_case, value, expected) => {
    expect(toJsonValue(value)).toEqual(expected);
  });
});

describe('canonicalJson (RFC 8785)', () => {
  it.each<[string, unknown, string]>([
    [
      'sorts keys at every level',
      { b: 1, a: { d: [true, null], c: 'x' } },
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    ],
    ['leaves undefined properties out, as JSON.stringify does', { a: undefined, b: 2 }, '{"b":2}'],
    ['writes undefined array items as null', [undefined, 1], '[null,1]'],
    ['escapes strings as JSON does', { 'k"': 'é\n' }, '{"k\\"":"é\\n"}'],
    ['sorts by code units, not locale', { b: 1, B: 2, é: 3 }, '{"B":2,"b":1,"é":3}'],
    ['writes a lone undefined as null', undefined, 'null'],
  ])('%s', (_case, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('hashes the UTF-8 bytes', () => {
    expect(packageContentHash('{"a":"é"}')).toBe(
      createHash('sha256').update(Buffer.from('{"a":"é"}', 'utf8')).digest('hex'),
    );
  });
});

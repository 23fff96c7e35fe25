import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hashCanonical, hashValue } from '../../../src/core/deidentify/hash';
import { KEYS, OTHER_KEYS } from './keys';

const phone = { category: 'user.contact.phone_number' };
const email = { category: 'user.contact.email' };

describe('hash (SPEC §4.5)', () => {
  it('is h_ + HMAC-SHA-256 hex of the canonical form under the hash key', () => {
    const expected = createHmac('sha256', KEYS.hashKey).update('+8613800138000').digest('hex');
    expect(hashValue('138 0013 8000', phone, KEYS.hashKey)).toBe(`h_${expected}`);
    expect(hashCanonical('x', KEYS.hashKey)).toMatch(/^h_[0-9a-f]{64}$/);
  });

  it.each([
    [
      'one phone in every writing',
      phone,
      ['+86 138 0013 8000', '13800138000', '0086-138-0013-8000'],
    ],
    [
      'a phone_cn identity without a category',
      { identityFormat: 'phone_cn' as const },
      ['+8613800138000', '138 0013 8000'],
    ],
    ['a landline, by its digits', phone, ['0571-8888 6666', '057188886666']],
    ['one email in any case', email, ['Zhang.Wei@Example.com', ' zhang.wei@example.com']],
    ['a number and its text', {}, [42, '42']],
  ])('hashes %s equal', (_name, shape, values) => {
    const hashes = new Set(values.map((v) => hashValue(v, shape, KEYS.hashKey)));
    expect(hashes.size).toBe(1);
  });

  it('keeps values of an exact field apart when only their case differs', () => {
    expect(hashValue('AbC', {}, KEYS.hashKey)).not.toBe(hashValue('abc', {}, KEYS.hashKey));
  });

  it('leaves null as null', () => {
    expect(hashValue(null, phone, KEYS.hashKey)).toBeNull();
  });

  it('is stable per key and differs across keys (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const once = hashValue(value, {}, KEYS.hashKey);
        expect(hashValue(value, {}, KEYS.hashKey)).toBe(once);
        expect(hashValue(value, {}, OTHER_KEYS.hashKey)).not.toBe(once);
      }),
    );
  });

  it('gives different values different hashes (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(hashValue(a, {}, KEYS.hashKey)).not.toBe(hashValue(b, {}, KEYS.hashKey));
      }),
    );
  });
});

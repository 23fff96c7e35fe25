import { randomBytes } from 'node:crypto';
import {
  deriveSealKey,
  seal,
  SealError,
  sealJson,
  unseal,
  unsealJson,
} from '../../../src/core/crypto/seal';

const key = deriveSealKey(randomBytes(32), 'test');

test('a sealed value opens with its key and place, and hides the plaintext', () => {
  const sealed = sealJson(key, { phone: '+8613800138000' }, 'request:1');
  expect(sealed.toString('latin1')).not.toContain('13800138000');
  expect(unsealJson(key, sealed, 'request:1')).toEqual({ phone: '+8613800138000' });
});

test('sealing twice gives different ciphertexts (random nonce)', () => {
  const a = seal(key, Buffer.from('x'), 'p');
  const b = seal(key, Buffer.from('x'), 'p');
  expect(a.equals(b)).toBe(false);
});

test.each([
  ['another key', (s: Buffer) => unseal(deriveSealKey(randomBytes(32), 'test'), s, 'p')],
  ['another place', (s: Buffer) => unseal(key, s, 'q')],
  [
    'a flipped bit',
    (s: Buffer) => {
      const copy = Buffer.from(s);
      copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 1;
      return unseal(key, copy, 'p');
    },
  ],
  ['a truncated value', (s: Buffer) => unseal(key, s.subarray(0, 20), 'p')],
])('does not open with %s', (_name, open) => {
  const sealed = seal(key, Buffer.from('secret'), 'p');
  expect(() => open(sealed)).toThrow(SealError);
});

test('derived keys differ by purpose', () => {
  const material = randomBytes(32);
  expect(deriveSealKey(material, 'a').equals(deriveSealKey(material, 'b'))).toBe(false);
});

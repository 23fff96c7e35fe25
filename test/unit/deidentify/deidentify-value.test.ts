import type { DeidentifyMethod } from '../../../src/core/deidentify/method';
import { DEIDENTIFY_METHODS } from '../../../src/core/deidentify/method';
import { deidentifyValue } from '../../../src/core/deidentify/deidentify-value';
import { detokenize } from '../../../src/core/deidentify/tokenize';
import { KEYS } from './keys';

const context = (category?: string) => ({ category, keys: KEYS });

describe('deidentifyValue', () => {
  it.each<[DeidentifyMethod, unknown, string, string | RegExp | null]>([
    ['redact', 'secret', 'user.credentials.password', null],
    ['mask', '+86 138 0013 8000', 'user.contact.phone_number', '138****8000'],
    ['mask', 'zhang.wei@example.com', 'user.contact.email', 'z***@example.com'],
    ['mask', '张伟', 'user.name', '张*'],
    ['hash', '13800138000', 'user.contact.phone_number', /^h_[0-9a-f]{64}$/],
    ['tokenize', 'device-42', 'user.device.device_id', /^tok_[A-Za-z0-9_-]+$/],
    ['generalize', '1990-03-07', 'user.demographic.date_of_birth', '1990'],
    ['generalize', '192.168.1.77', 'user.device.ip_address', '192.168.1.0/24'],
  ])('%s %p (%s)', (method, value, category, expected) => {
    const out = deidentifyValue(method, value, context(category));
    if (expected instanceof RegExp) expect(out).toMatch(expected);
    else expect(out).toBe(expected);
  });

  it.each(DEIDENTIFY_METHODS)('%s: null and undefined stay null', (method) => {
    expect(deidentifyValue(method, null, context('user.name'))).toBeNull();
    expect(deidentifyValue(method, undefined, context('user.name'))).toBeNull();
  });

  it('uses the identity format for the canonical form when the field has one', () => {
    const a = deidentifyValue('tokenize', '138-0013-8000', {
      identityFormat: 'phone_cn',
      keys: KEYS,
    });
    expect(detokenize(a ?? '', KEYS)).toBe('+8613800138000');
  });
});

import {
  DeidentifyKeyError,
  checkDeidentifyKeys,
  deriveDeidentifyKeys,
} from '../../../src/core/deidentify/keys';

describe('de-identification keys', () => {
  const master = Buffer.alloc(32, 9);

  it('derives three different 32-byte keys from one master, the same every time', () => {
    const keys = deriveDeidentifyKeys(master);
    expect(deriveDeidentifyKeys(Buffer.from(master))).toEqual(keys);
    const all = [keys.hashKey, keys.tokenEncKey, keys.tokenMacKey];
    expect(all.map((k) => k.length)).toEqual([32, 32, 32]);
    expect(new Set(all.map((k) => k.toString('hex'))).size).toBe(3);
    expect(checkDeidentifyKeys(keys)).toBe(keys);
  });

  it('refuses a master key shorter than 32 bytes', () => {
    expect(() => deriveDeidentifyKeys(Buffer.alloc(16))).toThrow(DeidentifyKeyError);
    expect(() => deriveDeidentifyKeys(Buffer.alloc(16))).toThrow(
      'the de-identification master key has 16 bytes; it needs at least 32',
    );
  });

  it('refuses keys of the wrong size', () => {
    const keys = { ...deriveDeidentifyKeys(master), tokenEncKey: Buffer.alloc(16) };
    expect(() => checkDeidentifyKeys(keys)).toThrow('tokenEncKey has 16 bytes; it must have 32');
  });
});

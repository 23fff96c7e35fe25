import fc from 'fast-check';
import { canonicalForDeidentify } from '../../../src/core/deidentify/canonical-value';
import {
  InvalidTokenError,
  TOKEN_PREFIX,
  detokenize,
  tokenizeValue,
} from '../../../src/core/deidentify/tokenize';
import { KEYS, OTHER_KEYS } from './keys';

const phone = { category: 'user.contact.phone_number' };
const tokenOf = (value: unknown, shape = {}): string => tokenizeValue(value, shape, KEYS) ?? '';

/** The token with one decoded byte changed (xor a non-zero mask). */
function flipByte(token: string, index: number, mask: number): string {
  const bytes = Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url');
  const at = index % bytes.length;
  bytes[at] = (bytes[at] ?? 0) ^ mask;
  return TOKEN_PREFIX + bytes.toString('base64url');
}

describe('tokenize (SPEC §4.5)', () => {
  it('is tok_ + base64url of IV(12) ‖ ciphertext ‖ tag(16)', () => {
    const token = tokenOf('13800138000', phone);
    expect(token).toMatch(/^tok_[A-Za-z0-9_-]+$/);
    const bytes = Buffer.from(token.slice(4), 'base64url');
    expect(bytes.length).toBe(12 + '+8613800138000'.length + 16);
  });

  it('reverses to the canonical form, so one phone in two writings is one token', () => {
    const token = tokenOf('+86 138-0013-8000', phone);
    expect(tokenOf('13800138000', phone)).toBe(token);
    expect(detokenize(token, KEYS)).toBe('+8613800138000');
  });

  it('leaves null as null', () => {
    expect(tokenizeValue(null, phone, KEYS)).toBeNull();
  });

  it.each([
    ['no prefix', 'abc', 'invalid token: it must start with tok_'],
    ['not base64url', 'tok_a+b/', 'invalid token: it is not base64url'],
    ['too short', 'tok_AAAA', 'invalid token: it is too short'],
  ])('rejects a token with %s', (_name, token, message) => {
    expect(() => detokenize(token, KEYS)).toThrow(new InvalidTokenError(message.slice(15)));
    expect(() => detokenize(token, KEYS)).toThrow(message);
  });

  it('rejects a token made under another key', () => {
    expect(() => detokenize(tokenOf('x'), OTHER_KEYS)).toThrow(
      'invalid token: it was altered or made under another key',
    );
  });

  it('rejects a genuine GCM ciphertext whose IV was not derived from its content', () => {
    // Same encryption key, another MAC key: GCM verifies, the synthetic-IV check does not.
    const mixed = { tokenEncKey: KEYS.tokenEncKey, tokenMacKey: OTHER_KEYS.tokenMacKey };
    expect(() => detokenize(tokenOf('x'), mixed)).toThrow(
      'invalid token: its IV does not match its content (another MAC key?)',
    );
  });
});

describe('tokenize properties (issue #3 acceptance)', () => {
  const value = fc.string({ unit: 'binary', maxLength: 64 });

  it('round-trips to the canonical form', () => {
    fc.assert(
      fc.property(
        value,
        fc.constantFrom({}, phone, { category: 'user.contact.email' }),
        (v, shape) => {
          expect(detokenize(tokenOf(v, shape), KEYS)).toBe(canonicalForDeidentify(v, shape));
        },
      ),
    );
  });

  it('is deterministic per key and differs across keys', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(tokenOf(v)).toBe(tokenOf(v));
        expect(tokenizeValue(v, {}, OTHER_KEYS)).not.toBe(tokenOf(v));
      }),
    );
  });

  it('rejects any token with any byte flipped', () => {
    fc.assert(
      fc.property(value, fc.nat(), fc.integer({ min: 1, max: 255 }), (v, index, mask) => {
        expect(() => detokenize(flipByte(tokenOf(v), index, mask), KEYS)).toThrow(
          InvalidTokenError,
        );
      }),
    );
  });

  it('rejects any token with any character of its text changed', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(value, fc.nat(), fc.constantFrom(...alphabet), (v, index, replacement) => {
        const token = tokenOf(v);
        const at = TOKEN_PREFIX.length + (index % (token.length - TOKEN_PREFIX.length));
        fc.pre(token[at] !== replacement);
        const tampered = token.slice(0, at) + replacement + token.slice(at + 1);
        expect(() => detokenize(tampered, KEYS)).toThrow(InvalidTokenError);
      }),
    );
  });

  it('rejects a truncated or extended token', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 8 }), (v, cut) => {
        const token = tokenOf(v);
        expect(() => detokenize(token.slice(0, -cut), KEYS)).toThrow(InvalidTokenError);
        expect(() => detokenize(`${token}A`, KEYS)).toThrow(InvalidTokenError);
      }),
    );
  });
});

/**
 * "mask never reveals more characters than its format allows" (issue #3 acceptance), as
 * properties: for each format, the characters shown are exactly the allowed positions of
 * the input, and every other position is a `*`.
 */
import fc from 'fast-check';
import {
  COMPOUND_SURNAMES,
  maskChineseName,
  maskLatinName,
} from '../../../src/core/deidentify/mask-name';
import {
  maskCnMobile,
  maskEmail,
  maskGeneric,
  maskResidentId,
  maskValue,
} from '../../../src/core/deidentify/mask';

const shown = (masked: string): number => Array.from(masked).filter((c) => c !== '*').length;
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

/** A mainland mobile number written in one of the ways people and systems write it. */
const cnMobile = fc
  .tuple(
    digits(10),
    fc.constantFrom('', '+86', '+86 ', '0086', '86-', '(+86) '),
    fc.constantFrom('', ' ', '-'),
  )
  .map(([rest, prefix, sep]) => {
    const national = `1${rest}`;
    const written =
      prefix + [national.slice(0, 3), national.slice(3, 7), national.slice(7)].join(sep);
    return { national, written };
  });

const hanName = fc
  .array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 5 })
  .map((codes) => String.fromCodePoint(...codes));

describe('mask reveals no more than its format allows', () => {
  it('CN mobile: the first 3 and last 4 national digits, nothing else', () => {
    fc.assert(
      fc.property(cnMobile, ({ national, written }) => {
        const masked = maskCnMobile(written) ?? '';
        expect(masked).toBe(`${national.slice(0, 3)}****${national.slice(7)}`);
        expect(shown(masked)).toBe(7);
      }),
    );
  });

  it('email: one character of the local part, then the domain', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9._+-]{1,30}$/),
        fc.stringMatching(/^[a-z0-9-]{1,20}\.[a-z]{2,6}$/),
        (local, domain) => {
          const masked = maskEmail(`${local}@${domain}`) ?? '';
          expect(masked).toBe(`${local[0] ?? ''}***@${domain}`);
          expect(shown(masked)).toBeLessThanOrEqual(1 + 1 + domain.length);
        },
      ),
    );
  });

  it('resident id: the first 6 and the last 4', () => {
    fc.assert(
      fc.property(digits(17), fc.constantFrom(...'0123456789X'), (body, check) => {
        const id = body + check;
        const masked = maskResidentId(id) ?? '';
        expect(masked.slice(0, 6)).toBe(id.slice(0, 6));
        expect(masked.slice(-4)).toBe(id.slice(-4));
        expect(shown(masked)).toBe(10);
        expect(masked).toHaveLength(18);
      }),
    );
  });

  it('Chinese name: the surname (one character, two for a compound one), never the whole name', () => {
    fc.assert(
      fc.property(hanName, (name) => {
        const chars = Array.from(name);
        const masked = maskChineseName(name);
        const compound = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''));
        const allowed = chars.length === 1 ? 0 : compound ? 2 : 1;
        expect(shown(masked)).toBe(allowed);
        expect(Array.from(masked)).toHaveLength(chars.length);
        expect(masked.startsWith(chars.slice(0, allowed).join(''))).toBe(true);
      }),
    );
  });

  it('Latin name: one initial per word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z'-]{1,12}$/), { minLength: 1, maxLength: 4 }),
        (words) => {
          const masked = maskLatinName(words.join(' '));
          expect(shown(masked.replaceAll(' ', ''))).toBe(words.length);
        },
      ),
    );
  });

  it('generic: at most the last 4 characters and at most half of them, behind a fixed ****', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const masked = maskGeneric(value);
        const chars = Array.from(value);
        const tail = Array.from(masked).slice(4);
        expect(masked.startsWith('****')).toBe(true);
        expect(tail.length).toBeLessThanOrEqual(Math.min(4, Math.floor(chars.length / 2)));
        expect(chars.slice(chars.length - tail.length)).toEqual(tail);
      }),
    );
  });

  it('whatever the category, a masked value never equals a value of 2 or more characters', () => {
    const category = fc.constantFrom(
      undefined,
      'user.contact.phone_number',
      'user.contact.email',
      'user.name',
      'user.government_id',
      'user.contact.address',
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 2, maxLength: 30 }),
        category,
        (value, c) => {
          fc.pre(!value.includes('*'));
          expect(maskValue(value, { category: c })).not.toBe(value);
        },
      ),
    );
  });
});

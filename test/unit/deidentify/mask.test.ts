import {
  maskChineseName,
  maskLatinName,
  maskPersonName,
} from '../../../src/core/deidentify/mask-name';
import {
  maskCnMobile,
  maskEmail,
  maskFormatFor,
  maskGeneric,
  maskResidentId,
  maskValue,
} from '../../../src/core/deidentify/mask';

describe('mask formats (SPEC §4.5)', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['+86 138-0013-8000', '138****8000'],
    ['0086 13800138000', '138****8000'],
    ['(+86) 138 0013 8000', '138****8000'],
  ])('CN mobile %s → %s', (raw, masked) => {
    expect(maskCnMobile(raw)).toBe(masked);
  });

  it.each(['0571-88886666', '12345', '+44 20 7946 0958'])('%s is not a CN mobile', (raw) => {
    expect(maskCnMobile(raw)).toBeNull();
  });

  it.each([
    ['zhang.wei@example.com', 'z***@example.com'],
    ['Z@Example.COM', 'Z***@Example.COM'],
    [' li.na@whale.cn ', 'l***@whale.cn'],
    ['"a@b"@example.com', '"***@example.com'],
  ])('email %s → %s', (raw, masked) => {
    expect(maskEmail(raw)).toBe(masked);
  });

  it.each(['no-at-sign', '@example.com', 'user@'])('%s is not an email', (raw) => {
    expect(maskEmail(raw)).toBeNull();
  });

  it.each([
    ['110101199003071234', '110101********1234'],
    ['11010119900307123X', '110101********123X'],
    ['110101900307123', '110101*****7123'],
  ])('resident id %s → %s (keeps 6 + 4)', (raw, masked) => {
    expect(maskResidentId(raw)).toBe(masked);
  });

  it.each(['1101011990030712', 'E12345678'])('%s is not a resident id', (raw) => {
    expect(maskResidentId(raw)).toBeNull();
  });

  it.each([
    ['张伟', '张*'],
    ['王小明', '王**'],
    ['欧阳娜娜', '欧阳**'],
    ['司马相如', '司马**'],
    ['欧阳', '欧*'],
    ['张', '*'],
  ])('Chinese name %s → %s (keeps the surname)', (raw, masked) => {
    expect(maskChineseName(raw)).toBe(masked);
  });

  it.each([
    ['Vivian Tang', 'V*** T***'],
    ['Jean-Luc  Picard', 'J*** P***'],
    ['Madonna', 'M***'],
    ['', '***'],
  ])('Latin name %s → %s (initials, length hidden)', (raw, masked) => {
    expect(maskLatinName(raw)).toBe(masked);
  });

  it('picks the name format by script', () => {
    expect(maskPersonName('张伟')).toBe('张*');
    expect(maskPersonName('Vivian Tang')).toBe('V*** T***');
  });

  it.each([
    ['account-00001234', '****1234'],
    ['12345678', '****5678'],
    ['abcde', '****de'],
    ['ab', '****b'],
    ['a', '****'],
    ['', '****'],
  ])('generic %s → %s (last 4, at most half)', (raw, masked) => {
    expect(maskGeneric(raw)).toBe(masked);
  });
});

describe('maskValue picks the format from the field, then checks the value’s shape', () => {
  it.each([
    [{ category: 'user.contact.phone_number' }, 'mobile'],
    [{ identityFormat: 'phone_cn' as const }, 'mobile'],
    [{ category: 'user.contact.email' }, 'email'],
    [{ identityFormat: 'email' as const }, 'email'],
    [{ category: 'user.name.last' }, 'name'],
    [{ category: 'user.government_id.national_identification_number' }, 'resident_id'],
    [{ category: 'user.contact.address' }, 'generic'],
    [{}, 'generic'],
  ])('%j → %s', (shape, format) => {
    expect(maskFormatFor(shape)).toBe(format);
  });

  it.each([
    ['+86 138 0013 8000', 'user.contact.phone_number', '138****8000'],
    ['0571-88886666', 'user.contact.phone_number', '****6666'],
    ['zhang.wei@example.com', 'user.contact.email', 'z***@example.com'],
    ['not an email', 'user.contact.email', '****mail'],
    ['张伟', 'user.name', '张*'],
    ['110101199003071234', 'user.government_id', '110101********1234'],
    ['E12345678', 'user.government_id.passport_number', '****5678'],
    ['杭州市西湖区文三路 90 号', 'user.contact.address', '****90 号'],
    [13800138000, 'user.contact.phone_number', '138****8000'],
    [123456789, undefined, '****6789'],
  ])('%s (%s) → %s', (value, category, masked) => {
    expect(maskValue(value, { category })).toBe(masked);
  });

  it('leaves null as null', () => {
    expect(maskValue(null, { category: 'user.name' })).toBeNull();
  });
});

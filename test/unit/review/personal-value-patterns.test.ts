/** Which sampled values look like personal data: strict enough that ids and dates pass. */
import { personalValueKind } from '../../../src/core/review';

describe('personalValueKind', () => {
  it.each([
    ['13800138000', 'cn_mobile'],
    ['+86 139-0013-9000', 'cn_mobile'],
    ['0086 15912345678', 'cn_mobile'],
    [13800138000, 'cn_mobile'],
    ['zhang.wei@example.com', 'email'],
    ['A.B@mail.qq.com', 'email'],
    ['11010519491231002X', 'resident_id'],
    ['11010519491231002x', 'resident_id'],
    ['110105491231002', 'resident_id'],
  ])('%j looks like %s', (value, kind) => {
    expect(personalValueKind(value)).toBe(kind);
  });

  it.each([
    ['12345678901'], // 12… is no mobile prefix
    ['+1 415 555 0100'], // another country
    ['order 13800138000'], // text around a number: not a phone column
    ['110105194912310021'], // wrong check character
    ['110105194913310029'], // month 13
    ['2024-05-06'],
    ['user@localhost'],
    ['not an email@example.com'],
    [''],
    [null],
    [42],
  ])('%j looks like nothing', (value) => {
    expect(personalValueKind(value)).toBeUndefined();
  });
});

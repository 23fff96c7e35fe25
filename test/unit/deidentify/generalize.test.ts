import fc from 'fast-check';
import {
  generalizeDate,
  generalizeIp,
  generalizeNumber,
  generalizeValue,
} from '../../../src/core/deidentify/generalize';

const dob = { category: 'user.demographic.date_of_birth' };

describe('generalize (SPEC §4.5)', () => {
  it.each<[unknown, { category?: string }, string | null]>([
    ['1990-03-07', dob, '1990'],
    ['1990-03-07', {}, '1990-03'],
    ['2024-05-06T07:08:09Z', {}, '2024-05'],
    ['2024-05-06 07:08:09', {}, '2024-05'],
    [new Date('2024-12-31T23:30:00Z'), {}, '2024-12'],
    [new Date('2024-12-31T23:30:00Z'), dob, '2024'],
    [34, { category: 'user.demographic.age_range' }, '30–39'],
    [30, {}, '30–39'],
    [39.9, {}, '30–39'],
    [0, {}, '0–9'],
    [-5, {}, '-10–-1'],
    [12345n, {}, '12340–12349'],
    ['42', {}, '40–49'],
    ['192.168.1.77', { category: 'user.device.ip_address' }, '192.168.1.0/24'],
    ['010.001.002.003', {}, '10.1.2.0/24'],
    ['2001:db8:1:2::5', {}, '2001:db8:1::/48'],
    ['2001:0DB8:0001:0002:0003:0004:0005:0006', {}, '2001:db8:1::/48'],
    ['::1', {}, '0:0:0::/48'],
    ['fe80::1%eth0', {}, 'fe80:0:0::/48'],
    ['::ffff:10.1.2.3', {}, '10.1.2.0/24'],
    ['female', { category: 'user.demographic.gender' }, null],
    ['杭州市西湖区', { category: 'user.location' }, null],
    ['1990-13-07', dob, null],
    ['256.1.1.1', {}, null],
    ['1:2:3:4:5:6:7:8:9', {}, null],
    [true, {}, null],
    [{ lat: 30.2 }, {}, null],
    [Number.NaN, {}, null],
  ])('%p (%j) → %p', (value, shape, expected) => {
    expect(generalizeValue(value, shape)).toBe(expected);
  });

  it('never returns the exact input date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          noInvalidDate: true,
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
        }),
        fc.boolean(),
        (date, yearOnly) => {
          const iso = date.toISOString();
          const day = iso.slice(0, 10);
          for (const input of [date, iso, day]) {
            const out = generalizeDate(input, yearOnly);
            expect(out).not.toBe(day);
            expect(out).not.toBe(iso);
            expect(out).toBe(yearOnly ? day.slice(0, 4) : day.slice(0, 7));
          }
        },
      ),
    );
  });

  it('puts every number in the band that contains it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (n) => {
        const [lower, upper] = (generalizeNumber(n) ?? '').split(/(?<=\d)–/).map(Number);
        expect(lower).toBeLessThanOrEqual(n);
        expect(upper).toBeGreaterThanOrEqual(n);
        expect((upper ?? 0) - (lower ?? 0)).toBe(9);
      }),
    );
  });

  it('keeps an IPv4 address’s /24 network and nothing of its host (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const [a, b, c] = ip.split('.');
        expect(generalizeIp(ip)).toBe(`${a}.${b}.${c}.0/24`);
      }),
    );
  });

  it('keeps an IPv6 address’s /48 prefix (property)', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expect(generalizeIp(ip)).toMatch(/^([0-9a-f]{1,4}:){3}:\/48$|^\d+\.\d+\.\d+\.0\/24$/);
      }),
    );
  });
});

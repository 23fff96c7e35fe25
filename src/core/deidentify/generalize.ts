/**
 * `generalize`: replace a value by a coarser one that many people share (SPEC §4.5), the
 * "generalisation" technique of GB/T 37964 (guide for de-identifying personal information):
 * - a date of birth → its year (`1990`); any other date or timestamp → its year and month
 *   (`2024-05`), in UTC for timestamps (the sources read them as UTC instants);
 * - a number (an age, an amount) → its 10-wide band, `30–39` (en dash), i.e. [30, 40);
 * - IPv4 → its /24 network `192.168.1.0/24`; IPv6 → its /48 `2001:db8:1::/48`.
 * A value of no recognisable shape (free text) cannot be generalized: it becomes null, as if
 * redacted, rather than passing through unchanged.
 */
import { isCategoryWithin } from '../taxonomy/category-key';
import type { ValueShape } from './canonical-value';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const BAND = 10;

/** `[lower, lower + 9]` as `30–39`; floors negatives too (`-5` → `-10–-1`). */
export function generalizeNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const lower = Math.floor(value / BAND) * BAND;
  return `${lower}–${lower + BAND - 1}`;
}

/** `YYYY` when `yearOnly` (a date of birth), else `YYYY-MM`; null for an invalid date. */
export function generalizeDate(value: Date | string, yearOnly: boolean): string | null {
  let year: number;
  let month: number;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    year = value.getUTCFullYear();
    month = value.getUTCMonth() + 1;
  } else {
    const match = DATE.exec(value.trim());
    if (!match) return null;
    year = Number(match[1]);
    month = Number(match[2]);
  }
  if (month < 1 || month > 12) return null;
  const yyyy = String(year).padStart(4, '0');
  return yearOnly ? yyyy : `${yyyy}-${String(month).padStart(2, '0')}`;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** `192.168.1.0/24`; IPv6 → `2001:db8:1::/48`; null for anything else. */
export function generalizeIp(raw: string): string | null {
  const text = raw.trim();
  const v4 = ipv4Octets(text);
  if (v4) return `${v4.slice(0, 3).join('.')}.0/24`;
  const groups = ipv6Groups(text);
  if (!groups) return null;
  // An IPv4-mapped address (`::ffff:1.2.3.4`) is an IPv4 client: generalize that.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.0/24`;
  }
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`;
}

function ipv4Octets(text: string): number[] | null {
  const match = IPV4.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, an IPv4 tail and a `%zone`
 * accepted), or null. Written here because the core may not import `node:net`. */
function ipv6Groups(address: string): number[] | null {
  const text = address.replace(/%[\w.-]+$/, '');
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined, last: boolean): number[] | null => {
    if (part === undefined || part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      const v4 = last && i === pieces.length - 1 ? ipv4Octets(piece) : null;
      if (v4) out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      else if (HEX_GROUP.test(piece)) out.push(parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const compressed = halves.length === 2;
  const left = parse(halves[0], !compressed);
  const right = parse(halves[1], true);
  if (!left || !right) return null;
  const missing = 8 - left.length - right.length;
  if (compressed ? missing < 1 : missing !== 0) return null;
  return [...left, ...Array<number>(missing).fill(0), ...right];
}

/** The generalized text of a non-null value, or null when it has no coarser form. */
export function generalizeValue(value: unknown, shape: ValueShape): string | null {
  const dob =
    shape.category !== undefined &&
    isCategoryWithin(shape.category, 'user.demographic.date_of_birth');
  if (value instanceof Date) return generalizeDate(value, dob);
  if (typeof value === 'number') return generalizeNumber(value);
  if (typeof value === 'bigint') return generalizeNumber(Number(value));
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (DATE.test(text)) return generalizeDate(text, dob);
  if (NUMBER.test(text)) return generalizeNumber(Number(text));
  return generalizeIp(text);
}

/**
 * Fixed time for the fixture worlds. Generators never read the clock: every timestamp is an
 * offset from one reference instant, so a world seeded today equals a world seeded next
 * year, and "under 14 at the reference date" is a stable fact a test can assert.
 */
import type { Random } from './random';

export const REFERENCE_DATE = '2026-06-30';
const REFERENCE_MS = Date.UTC(2026, 5, 30);
const DAY_MS = 86_400_000;

/** An ISO timestamp (UTC, second precision) `days` days before the reference date. */
export function timestampDaysAgo(days: number): string {
  return isoFromEpochSeconds(REFERENCE_MS / 1000 - Math.round(days * 86_400));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ` by integer arithmetic (H. Hinnant's civil-from-days): a large world
 * formats millions of timestamps and `Date#toISOString` was the generator's hottest call.
 */
export function isoFromEpochSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const inDay = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const time = `${pad2(Math.floor(inDay / 3600))}:${pad2(Math.floor((inDay % 3600) / 60))}:${pad2(inDay % 60)}`;
  return `${year}-${pad2(month)}-${pad2(day)}T${time}Z`;
}

/** A random instant within the last `maxDays` days (and at least `minDays` ago). */
export function randomTimestamp(rng: Random, minDays: number, maxDays: number): string {
  return timestampDaysAgo(minDays + rng.float() * (maxDays - minDays));
}

/** A random calendar date (`YYYY-MM-DD`) between `minDays` and `maxDays` days ago. */
export function randomDate(rng: Random, minDays: number, maxDays: number): string {
  return randomTimestamp(rng, minDays, maxDays).slice(0, 10);
}

/** A date of birth giving an age in whole years within [minAge, maxAge] at the reference date. */
export function randomBirthDate(rng: Random, minAge: number, maxAge: number): string {
  // Age a is reached on the a-th birthday; born between (a+1) years + 1 day and a years ago.
  const age = rng.int(minAge, maxAge);
  const latest = Date.UTC(2026 - age, 5, 30);
  const earliest = Date.UTC(2026 - age - 1, 5, 30) + DAY_MS;
  const ms = earliest + Math.floor(rng.float() * ((latest - earliest) / DAY_MS + 1)) * DAY_MS;
  return isoFromEpochSeconds(ms / 1000).slice(0, 10);
}

/** How many days before the reference date an ISO timestamp lies (fractional). */
export function daysBeforeReference(iso: string): number {
  return (REFERENCE_MS - Date.parse(iso)) / DAY_MS;
}

/** Whole years between a birth date and the reference date. */
export function ageAtReference(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m < 6 || (m === 6 && d <= 30);
  return 2026 - y - (hadBirthday ? 0 : 1);
}

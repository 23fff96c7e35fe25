/**
 * Civil dates as `YYYY-MM-DD` strings. Such strings sort in date order, survive JSON and
 * SQL unchanged, and cannot carry a time zone by accident. Arithmetic runs on UTC
 * midnights, so neither the host's zone nor a daylight-saving change can move a day.
 */

/** `YYYY-MM-DD`, a date that exists. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** UTC midnight of `year-month-day`, or undefined when the day does not exist (Feb 30). */
function utcMidnight(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? date.getTime() : undefined;
}

function parts(text: string, pattern: RegExp): [number, number, number] | undefined {
  const match = pattern.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function isIsoDate(text: string): boolean {
  const found = parts(text, ISO_DATE);
  return found !== undefined && utcMidnight(...found) !== undefined;
}

/** Written as a date but not one that exists: `2026-02-30`. */
export function isImpossibleDate(text: string): boolean {
  return ISO_DATE.test(text) && !isIsoDate(text);
}

/** `2026-2-1`, `2026/02/01`, `20260201` → `2026-02-01`, for a hint; undefined if unsure. */
export function looseIsoDate(text: string): IsoDate | undefined {
  const found =
    parts(text, /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/) ?? parts(text, /^(\d{4})(\d{2})(\d{2})$/);
  const ms = found && utcMidnight(...found);
  return ms === undefined ? undefined : fromMs(ms);
}

function toMs(date: IsoDate): number {
  const found = parts(date, ISO_DATE);
  const ms = found && utcMidnight(...found);
  if (ms === undefined) throw new RangeError(`not a YYYY-MM-DD date: '${date}'`);
  return ms;
}

function fromMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toMs(date)).getUTCDay();
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[dayOfWeek(date)] ?? '?';
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** Every date from `from` to `to`, both included (none when `to` is earlier). */
export function datesFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let ms = toMs(from), end = toMs(to); ms <= end; ms += DAY_MS) dates.push(fromMs(ms));
  return dates;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The civil date an instant falls on in `timeZone` (Friday 20:00 UTC is Saturday in Shanghai). */
export function civilDateAt(instant: Date, timeZone: string): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('an invalid Date has no civil date');
  const found: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) found[part.type] = part.value;
  const { year = '', month = '', day = '' } = found;
  const date = `${year.padStart(4, '0')}-${month}-${day}`;
  if (!isIsoDate(date)) throw new RangeError(`cannot read a civil date in ${timeZone}: ${date}`);
  return date;
}

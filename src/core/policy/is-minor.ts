/**
 * Whether a subject is a minor for SPEC §4.3 (PIPL art. 28, 31: under 14). Age comes from
 * the field the data map categorises as date of birth.
 */

/** The age below which PIPL art. 31 requires a guardian's consent. */
export const MINOR_AGE_LIMIT = 14;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A `date` column arrives as `YYYY-MM-DD` text (read without a time-zone shift). */
function calendarDate(value: string | Date): CalendarDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    };
  }
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : undefined;
}

/**
 * True when the person born on `dateOfBirth` has not had their `ageLimit`th birthday on the
 * UTC calendar day of `asOf`. No (or an unreadable) date of birth is no evidence of a minor:
 * false — the demo's products are for adults and organisations (seed policy §IX), and
 * treating every undated employee as a child would de-identify the whole workspace.
 */
export function isMinor(
  dateOfBirth: string | Date | null,
  asOf: Date,
  ageLimit: number = MINOR_AGE_LIMIT,
): boolean {
  if (dateOfBirth === null) return false;
  const born = calendarDate(dateOfBirth);
  const today = calendarDate(asOf);
  if (!born || !today) return false;
  const hadBirthday =
    today.month > born.month || (today.month === born.month && today.day >= born.day);
  const age = today.year - born.year - (hadBirthday ? 0 : 1);
  return age < ageLimit;
}

/**
 * A holiday calendar: which civil dates are working days, for counting a rights request's
 * due date (SPEC §6: "15 working days from receipt … a configurable holiday calendar with
 * make-up working days … a date past its end is an explicit error, never a guess").
 *
 * Glossary
 * - civil date: a day on the wall calendar of the calendar's time zone, written
 *   `YYYY-MM-DD` (`IsoDate`); never an instant.
 * - coverage: the dates from `firstDate` to `lastDate` (inclusive) the calendar vouches
 *   for. Outside it, whether a day is worked is unknown, and asking is an error.
 * - holiday: a day off that would otherwise be a working day (or falls on a weekend inside
 *   a holiday block, as the State Council's notices list them).
 * - make-up working day (调休上班): a Saturday or Sunday worked in exchange for a holiday.
 * - working day: inside the coverage, a make-up working day, or a Monday–Friday that is
 *   not a holiday.
 */
import type { IsoDate } from './iso-date';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** SPEC §6: a request must be answered within 15 working days of its receipt. */
export const DEFAULT_WORKING_DAYS = 15;

/** Dates the file marks as derived, not yet published (a year whose notice is not out). */
export interface ProvisionalSpan {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly note: string;
}

export interface HolidayCalendar {
  readonly name: string;
  /** The file it was read from, named in every error about it. */
  readonly sourceFile: string;
  /** sha256 of the file as reviewed, so a recorded due date can name what it was counted on. */
  readonly contentHash: string;
  /** IANA zone whose civil dates the calendar lists (the receipt instant is read in it). */
  readonly timeZone: string;
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
  /** Date → the holiday's name. */
  readonly holidays: ReadonlyMap<IsoDate, string>;
  /** Date → what it makes up for; every one a Saturday or Sunday. */
  readonly makeUpWorkingDays: ReadonlyMap<IsoDate, string>;
  readonly provisional?: ProvisionalSpan;
}

/**
 * Due dates of rights requests (SPEC §6: 15 working days from receipt). Pure: the instant
 * of receipt and a calendar in, a civil date out.
 *
 * The day of receipt does not count; the period starts the next day — PRC Civil Code
 * art. 201 ("按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算"). The due date
 * itself is in time until its end (art. 203: the last day ends at 24:00), so a request is
 * overdue only from the next civil day on.
 */
import { CalendarRangeError } from './calendar-range-error';
import type { IsoDate } from './iso-date';
import { addDays, civilDateAt, isIsoDate, isWeekend } from './iso-date';
import type { HolidayCalendar } from './model';
import { DEFAULT_TIME_ZONE, DEFAULT_WORKING_DAYS } from './model';

function assertCovered(date: IsoDate, calendar: HolidayCalendar): void {
  if (date < calendar.firstDate || date > calendar.lastDate)
    throw new CalendarRangeError(date, calendar);
}

/** Throws `CalendarRangeError` outside the calendar's coverage. */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  assertCovered(date, calendar);
  if (calendar.makeUpWorkingDays.has(date)) return true;
  return !calendar.holidays.has(date) && !isWeekend(date);
}

/**
 * The civil date by which a request received at `receivedAt` must be answered: the
 * `workingDays`-th working day after the day of receipt, that day read in `timeZone`.
 * Throws `CalendarRangeError` when a day it must look at is outside the calendar.
 */
export function dueDate(
  receivedAt: Date,
  calendar: HolidayCalendar,
  workingDays: number = DEFAULT_WORKING_DAYS,
  timeZone: string = calendar.timeZone,
): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 1)
    throw new RangeError(`workingDays must be a whole number above 0 (got ${workingDays})`);
  let date = civilDateAt(receivedAt, timeZone);
  // Ends: every step moves one day on, and leaving the coverage throws.
  for (let counted = 0; counted < workingDays;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return date;
}

/**
 * Working days after `from` up to and including `to` — so
 * `workingDaysBetween(receiptDate, dueDate(…)) === 15`; negative when `to` is earlier.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  for (const date of [from, to])
    if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: '${date}'`);
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let date = from; date < to;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) count += 1;
  }
  return count;
}

/** True once the civil date at `now` in `timeZone` is past `due` (the due day is in time). */
export function isOverdue(due: IsoDate, now: Date, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  if (!isIsoDate(due)) throw new RangeError(`not a YYYY-MM-DD date: '${due}'`);
  return civilDateAt(now, timeZone) > due;
}

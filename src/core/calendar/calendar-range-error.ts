/**
 * Asked about a day the calendar does not cover. SPEC §6: "a date past its end is an
 * explicit error, never a guess" — treating an unlisted year as weekends-only would move
 * due dates across its Spring Festival without a word, so the computation stops here and
 * says which file to extend.
 */
import type { IsoDate } from './iso-date';
import type { HolidayCalendar } from './model';

export class CalendarRangeError extends Error {
  /** The first day the computation needed and the calendar could not answer. */
  readonly date: IsoDate;
  readonly side: 'before' | 'after';
  readonly calendarFile: string;
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;

  constructor(date: IsoDate, calendar: HolidayCalendar) {
    const side = date < calendar.firstDate ? 'before' : 'after';
    const edge = side === 'after' ? 'end' : 'start';
    const fix =
      side === 'after'
        ? `add the holidays and make-up working days up to ${date} (from the State Council's ` +
          `notice for that year) and move covers.to to the new end`
        : `add the holidays and make-up working days from ${date} and move covers.from back`;
    super(
      `${date} is ${side} the ${edge} of the holiday calendar ${calendar.sourceFile} ` +
        `(it covers ${calendar.firstDate} to ${calendar.lastDate}): whether it is a working ` +
        `day is unknown, and a due date is never guessed. Extend the calendar: ${fix}; or ` +
        `point the gateway at a calendar that covers it (docs/calendar.md).`,
    );
    this.name = 'CalendarRangeError';
    this.date = date;
    this.side = side;
    this.calendarFile = calendar.sourceFile;
    this.firstDate = calendar.firstDate;
    this.lastDate = calendar.lastDate;
  }
}

/**
 * What must hold for any receipt instant, on the shipped calendar: the due date is a working
 * day exactly `n` working days after the day of receipt; a later receipt is never due
 * earlier; and past the calendar's end there is an error, never a date.
 */
import fc from 'fast-check';
import { CalendarRangeError } from '../../../src/core/calendar/calendar-range-error';
import { dueDate, isWorkingDay, workingDaysBetween } from '../../../src/core/calendar/due-date';
import { civilDateAt } from '../../../src/core/calendar/iso-date';
import { seedCalendar } from './harness';

const calendar = seedCalendar();
const ZONE = 'Asia/Shanghai';

/** Receipts whose due date still fits: from the calendar's first day to 10 Dec 2027. */
const receipt = fc.date({
  min: new Date('2025-12-31T16:00:00Z'),
  max: new Date('2027-12-10T15:59:59Z'),
  noInvalidDate: true,
});
const workingDays = fc.integer({ min: 1, max: 15 });

describe('dueDate properties', () => {
  it('is a working day, exactly n working days after the day of receipt', () => {
    fc.assert(
      fc.property(receipt, workingDays, (receivedAt, n) => {
        const due = dueDate(receivedAt, calendar, n);
        const received = civilDateAt(receivedAt, ZONE);
        expect(due > received).toBe(true);
        expect(isWorkingDay(due, calendar)).toBe(true);
        expect(workingDaysBetween(received, due, calendar)).toBe(n);
      }),
    );
  });

  it('never moves earlier for a later receipt', () => {
    fc.assert(
      fc.property(receipt, receipt, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(dueDate(early, calendar) <= dueDate(late, calendar)).toBe(true);
      }),
    );
  });

  it('past the end: a CalendarRangeError naming a day after it, never a date', () => {
    const lateReceipt = fc.date({
      min: new Date('2027-12-12T16:00:00Z'),
      max: new Date('2028-06-30T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(lateReceipt, (receivedAt) => {
        expect(() => dueDate(receivedAt, calendar)).toThrow(CalendarRangeError);
        try {
          dueDate(receivedAt, calendar);
        } catch (error) {
          expect((error as CalendarRangeError).date > calendar.lastDate).toBe(true);
        }
      }),
    );
  });
});

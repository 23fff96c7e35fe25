/**
 * Due dates on the shipped calendar. Every expectation was counted by hand on the State
 * Council's 2026 notice (and cross-checked by an independent script): the day of receipt
 * does not count, weekends are skipped unless worked, holidays are skipped.
 */
import { CalendarRangeError } from '../../../src/core/calendar/calendar-range-error';
import {
  dueDate,
  isOverdue,
  isWorkingDay,
  workingDaysBetween,
} from '../../../src/core/calendar/due-date';
import { civilDateAt } from '../../../src/core/calendar/iso-date';
import { SEED_FILE, expectValid, edit, seedCalendar, shanghai } from './harness';

const calendar = seedCalendar();

describe('dueDate: 15 working days, the day of receipt not counted', () => {
  it.each([
    ['an ordinary Monday', shanghai('2026-03-02'), '2026-03-23'],
    ['an ordinary Saturday', shanghai('2026-03-07'), '2026-03-27'],
    ['an ordinary Sunday', shanghai('2026-03-08'), '2026-03-27'],
    [
      'the day before the Labour Day block (make-up Sat 9 May counts)',
      shanghai('2026-04-30'),
      '2026-05-25',
    ],
    [
      'the Friday before a make-up Sunday (20 Sep, before National Day)',
      shanghai('2026-09-18'),
      '2026-10-15',
    ],
  ])('received on %s', (_, receivedAt, expected) => {
    expect(dueDate(receivedAt, calendar)).toBe(expected);
  });

  it.each([
    [
      'National Day (Thu 1 Oct): counting starts after the block',
      shanghai('2026-10-01'),
      '2026-10-27',
    ],
    ['in the Spring Festival block (Mon 16 Feb)', shanghai('2026-02-16'), '2026-03-13'],
    [
      'New Year’s Eve 2025: the make-up Sunday 4 Jan 2026 is day 1',
      shanghai('2025-12-31'),
      '2026-01-22',
    ],
  ])('received on a holiday or just before the calendar: %s', (_, receivedAt, expected) => {
    expect(dueDate(receivedAt, calendar)).toBe(expected);
  });

  it.each([
    [
      'the make-up Saturday itself does not count (Sat 28 Feb)',
      shanghai('2026-02-28'),
      '2026-03-20',
    ],
    ['the Friday before it: the make-up Saturday is day 1', shanghai('2026-02-27'), '2026-03-19'],
  ])('make-up working days: %s', (_, receivedAt, expected) => {
    expect(dueDate(receivedAt, calendar)).toBe(expected);
  });

  it.each([
    ['Friday 13 Feb, 10:00 — make-up Sat 14 Feb is day 1', shanghai('2026-02-13'), '2026-03-12'],
    ['Friday 13 Feb, 23:59:59 Shanghai', new Date('2026-02-13T15:59:59Z'), '2026-03-12'],
    [
      'Friday 13 Feb 20:00 UTC = Sat 14 Feb 04:00 Shanghai',
      new Date('2026-02-13T20:00:00Z'),
      '2026-03-13',
    ],
    [
      'Thursday 5 Mar 20:00 UTC = Fri 6 Mar 04:00 Shanghai',
      new Date('2026-03-05T20:00:00Z'),
      '2026-03-27',
    ],
    [
      'Friday 6 Mar 20:00 UTC = Sat 7 Mar in Shanghai',
      new Date('2026-03-06T20:00:00Z'),
      '2026-03-27',
    ],
  ])('late in the day: the date of receipt is read in Shanghai (%s)', (_, receivedAt, expected) => {
    expect(dueDate(receivedAt, calendar)).toBe(expected);
  });

  it('reads the receipt date in the zone it is given', () => {
    const thursdayEveningUtc = new Date('2026-03-05T20:00:00Z');
    expect(civilDateAt(thursdayEveningUtc, 'Asia/Shanghai')).toBe('2026-03-06');
    expect(dueDate(thursdayEveningUtc, calendar, 15, 'UTC')).toBe('2026-03-26');
  });

  it.each([
    ['mid-December: New Year 2027 is skipped', shanghai('2026-12-14'), '2027-01-05'],
    ['a Sunday before Christmas', shanghai('2026-12-20'), '2027-01-11'],
    ['New Year’s Eve 2026', shanghai('2026-12-31'), '2027-01-22'],
    [
      'the last day that still fits (due on the calendar’s last day)',
      shanghai('2027-12-10'),
      '2027-12-31',
    ],
  ])('across the year end: %s', (_, receivedAt, expected) => {
    expect(dueDate(receivedAt, calendar)).toBe(expected);
  });

  it.each([
    ['the Thursday before the 2027 eve', shanghai('2027-02-04'), '2027-03-04'],
    ['the 2027 eve itself', shanghai('2027-02-05'), '2027-03-04'],
    [
      'Friday 13 Feb 2026 (make-ups before and after the block)',
      shanghai('2026-02-13'),
      '2026-03-12',
    ],
  ])('across Spring Festival: %s', (_, receivedAt, expected) => {
    expect(dueDate(receivedAt, calendar)).toBe(expected);
  });

  it('counts other periods too: 1 working day after Friday 13 Feb 2026 is the make-up Saturday', () => {
    expect(dueDate(shanghai('2026-02-13'), calendar, 1)).toBe('2026-02-14');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p working days', (days) => {
    expect(() => dueDate(shanghai('2026-03-02'), calendar, days)).toThrow(RangeError);
  });

  it('refuses an invalid Date', () => {
    expect(() => dueDate(new Date('not a date'), calendar)).toThrow(RangeError);
  });
});

describe('dueDate past the calendar: an explicit error, never a guess', () => {
  it('names the first day it cannot answer, the file, and how to fix it', () => {
    const attempt = () => dueDate(shanghai('2027-12-13'), calendar);
    expect(attempt).toThrow(CalendarRangeError);
    try {
      attempt();
    } catch (error) {
      const rangeError = error as CalendarRangeError;
      expect(rangeError).toMatchObject({
        name: 'CalendarRangeError',
        date: '2028-01-01',
        side: 'after',
        calendarFile: SEED_FILE,
        firstDate: '2026-01-01',
        lastDate: '2027-12-31',
      });
      expect(rangeError.message).toBe(
        `2028-01-01 is after the end of the holiday calendar ${SEED_FILE} (it covers ` +
          '2026-01-01 to 2027-12-31): whether it is a working day is unknown, and a due date ' +
          'is never guessed. Extend the calendar: add the holidays and make-up working days ' +
          "up to 2028-01-01 (from the State Council's notice for that year) and move covers.to " +
          'to the new end; or point the gateway at a calendar that covers it (docs/calendar.md).',
      );
    }
  });

  it('before the calendar’s start, says so', () => {
    expect(() => dueDate(shanghai('2025-12-30'), calendar)).toThrow(
      expect.objectContaining({ date: '2025-12-31', side: 'before' }),
    );
    expect(() => dueDate(shanghai('2025-12-30'), calendar)).toThrow(/move covers\.from back/);
  });

  it('a calendar whose coverage is not a whole year works inside it and stops at its end', () => {
    const partYear = edit(['covers'], { from: '2026-02-01', to: '2026-03-20' });
    const { calendar: spring } = expectValid(
      edit(
        ['holidays'],
        [{ name: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' }],
        partYear,
      ),
    );
    expect(dueDate(shanghai('2026-02-28'), spring)).toBe('2026-03-20');
    expect(() => dueDate(shanghai('2026-03-02'), spring)).toThrow(
      expect.objectContaining({ date: '2026-03-21', lastDate: '2026-03-20' }),
    );
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-02', 'an ordinary Monday', true],
    ['2026-03-07', 'an ordinary Saturday', false],
    ['2026-02-16', 'a Monday in the Spring Festival block', false],
    ['2026-02-15', 'a Sunday in the Spring Festival block', false],
    ['2026-02-14', 'a make-up Saturday', true],
    ['2026-01-04', 'a make-up Sunday', true],
    ['2027-06-09', 'Dragon Boat 2027, a Wednesday alone', false],
  ])('%s (%s) → %p', (date, _, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('throws outside the coverage', () => {
    expect(() => isWorkingDay('2028-01-03', calendar)).toThrow(CalendarRangeError);
  });
});

describe('workingDaysBetween: after the first date, up to and including the second', () => {
  it.each([
    ['2026-03-02', '2026-03-23', 15],
    ['2026-02-13', '2026-03-12', 15],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-23', '2026-03-02', -15],
    ['2025-12-31', '2026-12-31', 248],
    ['2026-12-31', '2027-12-31', 248],
  ])('%s → %s: %p', (from, to, expected) => {
    expect(workingDaysBetween(from, to, calendar)).toBe(expected);
  });

  it('throws outside the coverage and on a malformed date', () => {
    expect(() => workingDaysBetween('2027-12-30', '2028-01-04', calendar)).toThrow(
      CalendarRangeError,
    );
    expect(() => workingDaysBetween('2026-03-02', '2026-3-23', calendar)).toThrow(RangeError);
  });
});

describe('isOverdue: the due date is in time until its end (Civil Code art. 203)', () => {
  it.each([
    [
      'the due day, 23:59:59 Shanghai: in time',
      new Date('2026-03-23T15:59:59Z'),
      'Asia/Shanghai',
      false,
    ],
    [
      'the next day, 00:00 Shanghai: overdue',
      new Date('2026-03-23T16:00:00Z'),
      'Asia/Shanghai',
      true,
    ],
    [
      'the same instant read in UTC, still the due day',
      new Date('2026-03-23T16:00:00Z'),
      'UTC',
      false,
    ],
    ['a day before: in time', shanghai('2026-03-22'), 'Asia/Shanghai', false],
  ])('%s', (_, now, timeZone, expected) => {
    expect(isOverdue('2026-03-23', now, timeZone)).toBe(expected);
  });

  it('reads now in Shanghai by default, and refuses a malformed due date', () => {
    expect(isOverdue('2026-03-23', new Date('2026-03-23T16:00:00Z'))).toBe(true);
    expect(() => isOverdue('23/03/2026', new Date())).toThrow(RangeError);
  });
});

/**
 * Table-style helpers for calendar tests (after the policy's harness): start from a small
 * valid calendar, change one thing, assert exactly which problems appear. Calendars are
 * written as objects and rendered to YAML, so line numbers are real.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { edit as editMap } from '../datamap/harness';
import type { HolidayCalendar } from '../../../src/core/calendar/model';
import type {
  CalendarProblem,
  HolidayCalendarParseResult,
} from '../../../src/core/calendar/parse-holiday-calendar';
import {
  holidayCalendarOrThrow,
  parseHolidayCalendar,
} from '../../../src/core/calendar/parse-holiday-calendar';

export const FILE = 'calendar.yaml';

export const SEED_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'seeds',
  'calendars',
  'cn-2026-2027.yaml',
);

/** The calendar the gateway ships (2026 from the State Council notice, 2027 provisional). */
export function seedCalendar(): HolidayCalendar {
  return holidayCalendarOrThrow(parseHolidayCalendar(readFileSync(SEED_FILE, 'utf8'), SEED_FILE));
}

export type CalendarSpec = { [key: string]: unknown };

/** Valid, with no warnings: 2026's Spring Festival and its two make-up Saturdays. */
export function baseCalendar(): CalendarSpec {
  return {
    version: 1,
    name: 'test calendar',
    covers: { from: '2026-01-01', to: '2026-12-31' },
    holidays: [
      { name: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' },
      { name: 'Qingming Festival', date: '2026-04-06' },
    ],
    makeUpWorkingDays: [
      { name: 'Spring Festival make-up', date: '2026-02-14' },
      { name: 'Spring Festival make-up', date: '2026-02-28' },
    ],
  };
}

/** A copy of `spec` with the value at `path` replaced (or removed, for `undefined`). */
export function edit(
  path: readonly (string | number)[],
  value: unknown,
  spec: CalendarSpec = baseCalendar(),
): CalendarSpec {
  return editMap(path, value, spec);
}

export function parse(spec: CalendarSpec | string): HolidayCalendarParseResult {
  return parseHolidayCalendar(typeof spec === 'string' ? spec : stringify(spec), FILE);
}

export function problemsOf(spec: CalendarSpec | string): readonly CalendarProblem[] {
  const result = parse(spec);
  if (result.ok) throw new Error('expected the calendar to be invalid, but it parsed');
  return result.problems;
}

type Expected = Partial<
  Pick<CalendarProblem, 'file' | 'path' | 'message' | 'hint' | 'line' | 'column' | 'severity'>
>;

/** Exactly these errors (warnings are ignored), in any order. */
export function expectErrors(spec: CalendarSpec | string, expected: readonly Expected[]): void {
  const errors = problemsOf(spec).filter((p) => p.severity === 'error');
  expect(errors).toHaveLength(expected.length);
  for (const wanted of expected) expect(errors).toContainEqual(expect.objectContaining(wanted));
}

export function expectValid(spec: CalendarSpec | string): {
  calendar: HolidayCalendar;
  warnings: readonly CalendarProblem[];
} {
  const result = parse(spec);
  if (!result.ok)
    throw new Error(
      `expected a valid calendar, got:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`,
    );
  return { calendar: result.calendar, warnings: result.warnings };
}

/** The instant `hh:mm` on `date` in Shanghai (UTC+8 all year: China has no daylight saving). */
export function shanghai(date: string, time = '10:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

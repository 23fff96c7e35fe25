/**
 * The holiday calendar file's YAML shape (format version 1), checked before anything reads
 * it. Objects are strict, as in the data map and the policy: a misspelt `makeupWorkingDays:`
 * silently ignored would turn every make-up Saturday into a day off and move due dates.
 * Whether a date is a real date, inside the coverage, a weekend, … is checked in
 * `check-calendar.ts`, which can say so in the calendar's own words.
 */
import { z } from 'zod';

const text = z.string().min(1);

/** Unquoted `20260215` is a number to YAML: keep it as text so the check can say what
 * would be right (`2026-02-15`) instead of "must be text". A YAML 1.1 timestamp becomes a
 * Date; its day is what was written. */
const dateText = z.preprocess((value) => {
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  return value;
}, z.string());

/** `holidays:` with nothing after it is an empty list, not a type error. */
const emptyIsList = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => value ?? [], z.array(schema));

/** One day (`date:`) or a block of days (`from:` … `to:`), as the notices write them. */
const holidaySchema = z.strictObject({
  name: text,
  date: dateText.optional(),
  from: dateText.optional(),
  to: dateText.optional(),
});

const makeUpDaySchema = z.strictObject({ name: text, date: dateText });

export const rawCalendarSchema = z.strictObject({
  version: z.literal(1),
  name: text,
  timeZone: text.optional(),
  covers: z.strictObject({ from: dateText, to: dateText }),
  holidays: emptyIsList(holidaySchema),
  makeUpWorkingDays: emptyIsList(makeUpDaySchema),
  provisional: z.strictObject({ from: dateText, to: dateText, note: text }).optional(),
});

export type RawCalendar = z.output<typeof rawCalendarSchema>;
export type RawHoliday = z.output<typeof holidaySchema>;

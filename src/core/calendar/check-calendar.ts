/**
 * The checks a calendar's shape cannot express: real dates, every day inside the declared
 * coverage, no day listed twice or both off and worked, every make-up working day a
 * Saturday or Sunday. Any of these wrong would move due dates without a word, so each is an
 * error; a provisional span is a warning, printed at every start until it is replaced.
 */
import type { DataMapIssue } from '../datamap/data-map-error';
import { issue } from '../datamap/data-map-error';
import { didYouMean } from '../datamap/did-you-mean';
import type { Path } from './date-findings';
import { DateFindings } from './date-findings';
import type { IsoDate } from './iso-date';
import { datesFrom, isTimeZone, isWeekend, weekdayName } from './iso-date';
import type { HolidayCalendar, ProvisionalSpan } from './model';
import { DEFAULT_TIME_ZONE } from './model';
import type { RawCalendar, RawHoliday } from './raw-calendar-schema';

/** What the checks make of the file (meaningful only when no issue is an error); the
 * parser adds what the file's text itself gives. */
export type CheckedCalendar = Omit<HolidayCalendar, 'name' | 'sourceFile' | 'contentHash'>;

interface Listed {
  readonly name: string;
  readonly entry: number;
}

export function checkCalendar(raw: RawCalendar): {
  calendar: CheckedCalendar;
  issues: DataMapIssue[];
} {
  const findings = new DateFindings();
  const timeZone = raw.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) findings.issues.push(unknownTimeZone(timeZone));
  findings.coverage = findings.span(['covers'], raw.covers.from, raw.covers.to);

  const holidays = new Map<IsoDate, Listed>();
  raw.holidays.forEach((holiday, entry) => {
    const days = holidayDays(holiday, ['holidays', entry], findings);
    const twice = days?.find((day) => holidays.has(day));
    if (twice !== undefined)
      findings.issues.push(
        issue(
          ['holidays', entry],
          `${twice} is already a holiday (${describe('holidays', holidays.get(twice))})`,
          'list each day once: shorten one of the two entries',
        ),
      );
    else days?.forEach((day) => holidays.set(day, { name: holiday.name, entry }));
  });

  const makeUpWorkingDays = new Map<IsoDate, Listed>();
  raw.makeUpWorkingDays.forEach(({ name, date }, entry) => {
    const path = ['makeUpWorkingDays', entry, 'date'];
    const day = findings.date(path, date);
    if (day === undefined || !findings.covered(path, day)) return;
    const problem = makeUpProblem(path, day, holidays, makeUpWorkingDays);
    if (problem) findings.issues.push(problem);
    else makeUpWorkingDays.set(day, { name, entry });
  });

  const provisional = raw.provisional && checkProvisional(raw.provisional, findings);
  const [firstDate, lastDate] = findings.coverage ?? ['', ''];
  const names = (days: Map<IsoDate, Listed>) =>
    new Map([...days].map(([day, listed]) => [day, listed.name]));
  return {
    calendar: {
      timeZone,
      firstDate,
      lastDate,
      holidays: names(holidays),
      makeUpWorkingDays: names(makeUpWorkingDays),
      ...(provisional && { provisional }),
    },
    issues: findings.issues,
  };
}

const describe = (list: string, listed: Listed | undefined): string =>
  listed ? `${list}.${listed.entry}, ${listed.name}` : list;

/** The days one holiday entry names, all inside the coverage; undefined after a problem. */
function holidayDays(
  holiday: RawHoliday,
  path: Path,
  findings: DateFindings,
): IsoDate[] | undefined {
  const { name, date, from, to } = holiday;
  if (date !== undefined && (from !== undefined || to !== undefined)) {
    findings.issues.push(issue(path, `holiday '${name}' has both date: and from:/to:`, 'keep one'));
    return undefined;
  }
  if (date !== undefined) {
    const day = findings.date([...path, 'date'], date);
    return day !== undefined && findings.covered([...path, 'date'], day) ? [day] : undefined;
  }
  if (from === undefined || to === undefined) {
    const missing = from === undefined && to === undefined ? 'date:' : from ? 'to:' : 'from:';
    findings.issues.push(
      issue(
        path,
        `holiday '${name}' has no ${missing}`,
        'write date: for one day, or from: and to: (both included) for a block of days',
      ),
    );
    return undefined;
  }
  const block = findings.span(path, from, to);
  if (!block) return undefined;
  const inside = findings.covered([...path, 'from'], block[0]);
  return inside && findings.covered([...path, 'to'], block[1]) ? datesFrom(...block) : undefined;
}

function makeUpProblem(
  path: Path,
  day: IsoDate,
  holidays: ReadonlyMap<IsoDate, Listed>,
  seen: ReadonlyMap<IsoDate, Listed>,
): DataMapIssue | undefined {
  if (holidays.has(day))
    return issue(
      path,
      `${day} is both a make-up working day and a holiday (${describe('holidays', holidays.get(day))})`,
      'a day is either worked or off: remove it from one of the lists',
    );
  if (!isWeekend(day))
    return issue(
      path,
      `make-up working day ${day} is a ${weekdayName(day)}, a working day anyway`,
      'a make-up working day (调休上班) is a Saturday or Sunday worked in exchange for a ' +
        'holiday: check the date against the notice',
    );
  if (seen.has(day))
    return issue(
      path,
      `${day} is already a make-up working day (${describe('makeUpWorkingDays', seen.get(day))})`,
      'remove one of the two',
    );
  return undefined;
}

function checkProvisional(
  raw: NonNullable<RawCalendar['provisional']>,
  findings: DateFindings,
): ProvisionalSpan | undefined {
  const span = findings.span(['provisional'], raw.from, raw.to);
  if (!span || !findings.covered(['provisional', 'from'], span[0])) return undefined;
  if (!findings.covered(['provisional', 'to'], span[1])) return undefined;
  findings.issues.push(
    issue(
      ['provisional'],
      `the days from ${span[0]} to ${span[1]} are provisional: ${raw.note}`,
      'replace them with the published notice, then remove provisional:',
      'warning',
    ),
  );
  return { from: span[0], to: span[1], note: raw.note };
}

function unknownTimeZone(name: string): DataMapIssue {
  return issue(
    ['timeZone'],
    `unknown time zone '${name}'`,
    didYouMean(name, Intl.supportedValuesOf('timeZone'), 'use an IANA name, e.g. Asia/Shanghai'),
  );
}

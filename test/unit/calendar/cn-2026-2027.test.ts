/**
 * The shipped calendar against the State Council General Office's notice on 2026 holidays
 * (4 November 2025), entry by entry, and 2027's derivation against the rules it claims.
 */
import { readFile } from 'node:fs/promises';
import { isWorkingDay } from '../../../src/core/calendar/due-date';
import { addDays, datesFrom, isWeekend } from '../../../src/core/calendar/iso-date';
import { loadHolidayCalendar } from '../../../src/core/calendar/load-holiday-calendar';
import { SEED_FILE, seedCalendar } from './harness';

const calendar = seedCalendar();
const offDays = (year: string) =>
  [...calendar.holidays.keys()].filter((day) => day.startsWith(year));

describe('seeds/calendars/cn-2026-2027.yaml', () => {
  it('loads, covers 2026 and 2027, and warns that 2027 is provisional', async () => {
    const result = await loadHolidayCalendar(SEED_FILE);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.calendar).toMatchObject({
      timeZone: 'Asia/Shanghai',
      firstDate: '2026-01-01',
      lastDate: '2027-12-31',
      provisional: { from: '2027-01-01', to: '2027-12-31' },
    });
    expect(result.warnings.map((w) => w.path)).toEqual(['provisional']);
  });

  it('2026: the holiday blocks of the notice, day by day', () => {
    expect(offDays('2026')).toEqual([
      ...datesFrom('2026-01-01', '2026-01-03'),
      ...datesFrom('2026-02-15', '2026-02-23'),
      ...datesFrom('2026-04-04', '2026-04-06'),
      ...datesFrom('2026-05-01', '2026-05-05'),
      ...datesFrom('2026-06-19', '2026-06-21'),
      ...datesFrom('2026-09-25', '2026-09-27'),
      ...datesFrom('2026-10-01', '2026-10-07'),
    ]);
  });

  it('2026: the make-up working days of the notice', () => {
    expect([...calendar.makeUpWorkingDays.keys()].filter((d) => d.startsWith('2026'))).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('gives every statutory day off (13 a year since 2025): 248 working days in each year', () => {
    for (const year of ['2026', '2027']) {
      const days = datesFrom(`${year}-01-01`, `${year}-12-31`);
      const weekdays = days.filter((day) => !isWeekend(day)).length;
      const working = days.filter((day) => isWorkingDay(day, calendar)).length;
      expect({ year, weekdays, working }).toEqual({ year, weekdays: 261, working: 248 });
    }
  });

  it('2027 (provisional) keeps the statutory days off, and the Wednesday festivals alone', () => {
    const statutory2027 = ['01-01', '02-05', '02-06', '02-07', '02-08', '04-05', '05-01', '05-02'];
    const more = ['06-09', '09-15', '10-01', '10-02', '10-03'];
    for (const day of [...statutory2027, ...more])
      expect(calendar.holidays.has(`2027-${day}`)).toBe(true);
    expect(calendar.holidays.has('2027-06-08')).toBe(false);
    expect(calendar.holidays.has('2027-09-16')).toBe(false);
  });

  it('never asks for more than 6 working days in a row (the 2024 rule 2027 follows)', () => {
    let run = 0;
    let longest = 0;
    for (let day = calendar.firstDate; day <= calendar.lastDate; day = addDays(day, 1)) {
      run = isWorkingDay(day, calendar) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(6);
  });

  it('names every entry, and marks 2027 provisional in a comment too', async () => {
    for (const name of [...calendar.holidays.values(), ...calendar.makeUpWorkingDays.values()])
      expect(name).toMatch(/\S/);
    expect(await readFile(SEED_FILE, 'utf8')).toMatch(/# --- 2027: PROVISIONAL/);
  });
});

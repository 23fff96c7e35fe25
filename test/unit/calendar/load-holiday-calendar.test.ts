import { join } from 'node:path';
import { loadHolidayCalendar } from '../../../src/core/calendar/load-holiday-calendar';
import {
  HolidayCalendarError,
  holidayCalendarOrThrow,
} from '../../../src/core/calendar/parse-holiday-calendar';
import { parse } from './harness';

describe('loadHolidayCalendar', () => {
  it('reports a file it cannot read as a problem', async () => {
    const file = join(__dirname, 'no-such-calendar.yaml');
    expect(await loadHolidayCalendar(file)).toEqual({
      ok: false,
      problems: [
        {
          file,
          path: '',
          message: 'cannot read the holiday calendar (ENOENT)',
          hint: 'check the path and permissions',
          severity: 'error',
        },
      ],
    });
  });

  it('throws a HolidayCalendarError listing the errors for callers that cannot go on', () => {
    const result = parse('version: 1\nname: x\ncovers: { from: 2026-01-01, to: 2026-13-01 }\n');
    expect(() => holidayCalendarOrThrow(result)).toThrow(HolidayCalendarError);
    expect(() => holidayCalendarOrThrow(result)).toThrow(
      'invalid holiday calendar (1 error):\n' +
        'calendar.yaml:3:33 covers.to: to 2026-13-01 is not a date that exists (check the day and month)',
    );
  });
});

/**
 * The one place the holiday calendar touches the file system: read the file, hand the text
 * to the pure `parseHolidayCalendar`. An unreadable file is reported like any other problem.
 */
import { promises as fs } from 'node:fs';
import type { HolidayCalendarParseResult } from './parse-holiday-calendar';
import { parseHolidayCalendar } from './parse-holiday-calendar';

export async function loadHolidayCalendar(file: string): Promise<HolidayCalendarParseResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      ok: false,
      problems: [
        {
          file,
          path: '',
          message: `cannot read the holiday calendar (${reason})`,
          hint: 'check the path and permissions',
          severity: 'error',
        },
      ],
    };
  }
  return parseHolidayCalendar(text, file);
}

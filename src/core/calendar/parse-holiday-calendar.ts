/**
 * Text → validated `HolidayCalendar`, or every problem found, each as `file:line:col path:
 * message (hint)` — the data map's and the policy's problem type and format, so the CLI and
 * the server print all three alike. Pure; `loadHolidayCalendar` reads the file.
 *
 * Stages, each reporting all it finds: YAML syntax (including duplicate keys) → reserved
 * names → structure (zod) → dates (`check-calendar.ts`). A failing stage stops the later
 * ones, which could only report consequences of the same mistake.
 */
import { createHash } from 'node:crypto';
import type { DataMapProblem } from '../datamap/data-map-error';
import { formatProblem, hasErrors, issue } from '../datamap/data-map-error';
import { findReservedKeys } from '../datamap/reserved-keys';
import { byPosition, readYaml } from '../datamap/yaml-problem';
import { translateZodIssues } from '../datamap/zod-issues';
import { checkCalendar } from './check-calendar';
import type { HolidayCalendar } from './model';
import { rawCalendarSchema } from './raw-calendar-schema';

export type CalendarProblem = DataMapProblem;

export type HolidayCalendarParseResult =
  | {
      readonly ok: true;
      readonly calendar: HolidayCalendar;
      readonly warnings: readonly CalendarProblem[];
    }
  | { readonly ok: false; readonly problems: readonly CalendarProblem[] };

export function parseHolidayCalendar(text: string, file: string): HolidayCalendarParseResult {
  const read = readYaml(text, file);
  const fail = (problems: CalendarProblem[]): HolidayCalendarParseResult => ({
    ok: false,
    problems: byPosition(problems),
  });

  if (!read.ok) return fail(read.problems);
  const { tree, warnings: early, locate: located } = read;
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    const got = tree === null ? 'null' : Array.isArray(tree) ? 'a list' : `'${String(tree)}'`;
    const root = issue(
      [],
      `a holiday calendar must be a mapping (got ${got})`,
      'start with version: 1',
    );
    return fail([...early, ...located([root])]);
  }
  const reserved = findReservedKeys(tree);
  if (reserved.length > 0) return fail([...early, ...located(reserved)]);
  const parsed = rawCalendarSchema.safeParse(tree);
  if (!parsed.success)
    return fail([
      ...early,
      ...located(translateZodIssues(parsed.error.issues, tree, rawCalendarSchema)),
    ]);

  const { calendar, issues } = checkCalendar(parsed.data);
  const problems = byPosition([...early, ...located(issues)]);
  if (hasErrors(problems)) return { ok: false, problems };
  return {
    ok: true,
    calendar: {
      name: parsed.data.name,
      sourceFile: file,
      contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
      ...calendar,
    },
    warnings: problems,
  };
}

/** Thrown by callers that cannot go on without a valid calendar (the server at start). */
export class HolidayCalendarError extends Error {
  readonly problems: readonly CalendarProblem[];

  constructor(problems: readonly CalendarProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `invalid holiday calendar (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.map(formatProblem).join('\n'),
    );
    this.name = 'HolidayCalendarError';
    this.problems = problems;
  }
}

export function holidayCalendarOrThrow(result: HolidayCalendarParseResult): HolidayCalendar {
  if (!result.ok) throw new HolidayCalendarError(result.problems);
  return result.calendar;
}

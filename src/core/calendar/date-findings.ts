/**
 * The date checks every part of a calendar file shares, collecting what they find (the
 * file's every mistake in one run, as for the data map): a real `YYYY-MM-DD` date, a span
 * that runs forward, a day inside the declared coverage.
 */
import type { DataMapIssue } from '../datamap/data-map-error';
import { issue } from '../datamap/data-map-error';
import type { IsoDate } from './iso-date';
import { isImpossibleDate, isIsoDate, looseIsoDate } from './iso-date';

export type Path = readonly (string | number)[];

export class DateFindings {
  readonly issues: DataMapIssue[] = [];
  /** Set once `covers:` checks out; until then nothing is reported as outside it. */
  coverage: readonly [IsoDate, IsoDate] | undefined;

  date(path: Path, value: string): IsoDate | undefined {
    if (isIsoDate(value)) return value;
    this.issues.push(badDate(path, value));
    return undefined;
  }

  /** `from`…`to` at `path.from` / `path.to`, both real and in order. */
  span(path: Path, from: string, to: string): [IsoDate, IsoDate] | undefined {
    const first = this.date([...path, 'from'], from);
    const last = this.date([...path, 'to'], to);
    if (first === undefined || last === undefined) return undefined;
    if (first <= last) return [first, last];
    this.issues.push(issue([...path, 'to'], `to (${last}) is before from (${first})`, 'swap them'));
    return undefined;
  }

  /** False, with the problem recorded, when `day` lies outside the coverage. */
  covered(path: Path, day: IsoDate): boolean {
    const coverage = this.coverage;
    if (!coverage || (day >= coverage[0] && day <= coverage[1])) return true;
    this.issues.push(
      issue(
        path,
        `${day} is outside the calendar's coverage (covers ${coverage[0]} to ${coverage[1]})`,
        'remove it, or extend covers: to include it once every holiday and make-up working ' +
          'day of the added days is listed',
      ),
    );
    return false;
  }
}

function badDate(path: Path, value: string): DataMapIssue {
  const key = String(path[path.length - 1]);
  if (isImpossibleDate(value))
    return issue(path, `${key} ${value} is not a date that exists`, 'check the day and month');
  const written = looseIsoDate(value);
  return issue(
    path,
    `${key} must be a date written YYYY-MM-DD (got '${value}')`,
    written ? `write it as ${written}` : 'write it as YYYY-MM-DD, e.g. 2026-10-01',
  );
}

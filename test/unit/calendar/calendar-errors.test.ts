import { formatProblem } from '../../../src/core/datamap/data-map-error';
import { FILE, baseCalendar, edit, expectErrors, expectValid, problemsOf } from './harness';

const SPRING_FESTIVAL = { name: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' };

describe('a valid calendar', () => {
  it('lists every day of a block, its make-up days, and defaults the zone to Shanghai', () => {
    const { calendar, warnings } = expectValid(baseCalendar());
    expect(warnings).toEqual([]);
    expect(calendar).toMatchObject({
      name: 'test calendar',
      sourceFile: FILE,
      timeZone: 'Asia/Shanghai',
      firstDate: '2026-01-01',
      lastDate: '2026-12-31',
    });
    expect([...calendar.holidays.keys()]).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-06',
    ]);
    expect(calendar.holidays.get('2026-04-06')).toBe('Qingming Festival');
    expect(calendar.makeUpWorkingDays.get('2026-02-28')).toBe('Spring Festival make-up');
    expect(calendar.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes a declared zone, a coverage that is not a calendar year, and empty lists', () => {
    const { calendar } = expectValid({
      version: 1,
      name: 'weekends only',
      timeZone: 'Asia/Hong_Kong',
      covers: { from: '2026-03-15', to: '2026-09-30' },
      holidays: null,
      makeUpWorkingDays: [],
    });
    expect(calendar).toMatchObject({ timeZone: 'Asia/Hong_Kong', firstDate: '2026-03-15' });
    expect(calendar.holidays.size + calendar.makeUpWorkingDays.size).toBe(0);
  });

  it('warns, at every load, about a provisional span until it is replaced', () => {
    const spec = edit(['provisional'], { from: '2026-07-01', to: '2026-12-31', note: 'derived' });
    const { calendar, warnings } = expectValid(spec);
    expect(calendar.provisional).toEqual({ from: '2026-07-01', to: '2026-12-31', note: 'derived' });
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'provisional',
        severity: 'warning',
        message: 'the days from 2026-07-01 to 2026-12-31 are provisional: derived',
        hint: 'replace them with the published notice, then remove provisional:',
      }),
    ]);
  });
});

describe('dates', () => {
  it.each([
    [
      'a date not written YYYY-MM-DD, with the right spelling',
      edit(['holidays', 1, 'date'], '2026-4-6'),
      {
        path: 'holidays.1.date',
        message: "date must be a date written YYYY-MM-DD (got '2026-4-6')",
        hint: 'write it as 2026-04-06',
      },
    ],
    [
      'an unquoted 20260406, which YAML reads as a number',
      edit(['holidays', 1, 'date'], 20260406),
      {
        path: 'holidays.1.date',
        message: "date must be a date written YYYY-MM-DD (got '20260406')",
        hint: 'write it as 2026-04-06',
      },
    ],
    [
      'words instead of a date',
      edit(['makeUpWorkingDays', 0, 'date'], 'the Saturday before'),
      {
        path: 'makeUpWorkingDays.0.date',
        message: "date must be a date written YYYY-MM-DD (got 'the Saturday before')",
        hint: 'write it as YYYY-MM-DD, e.g. 2026-10-01',
      },
    ],
    [
      'a day that does not exist',
      edit(['holidays', 0, 'to'], '2026-02-30'),
      {
        path: 'holidays.0.to',
        message: 'to 2026-02-30 is not a date that exists',
        hint: 'check the day and month',
      },
    ],
    [
      'a coverage date in another format',
      edit(['covers', 'to'], '2026/12/31'),
      {
        path: 'covers.to',
        message: "to must be a date written YYYY-MM-DD (got '2026/12/31')",
        hint: 'write it as 2026-12-31',
      },
    ],
  ])('%s', (_, spec, expected) => {
    expectErrors(spec, [expected]);
  });
});

describe('coverage', () => {
  it.each([
    [
      'coverage that runs backwards',
      edit(['covers'], { from: '2026-12-31', to: '2026-01-01' }),
      {
        path: 'covers.to',
        message: 'to (2026-01-01) is before from (2026-12-31)',
        hint: 'swap them',
      },
    ],
    [
      'a holiday after the coverage',
      edit(['holidays', 1, 'date'], '2027-04-05'),
      {
        path: 'holidays.1.date',
        message: "2027-04-05 is outside the calendar's coverage (covers 2026-01-01 to 2026-12-31)",
        hint:
          'remove it, or extend covers: to include it once every holiday and make-up working ' +
          'day of the added days is listed',
      },
    ],
    [
      'a holiday block that runs past the end',
      edit(['holidays', 0], { name: 'New Year', from: '2026-12-31', to: '2027-01-01' }),
      {
        path: 'holidays.0.to',
        message: "2027-01-01 is outside the calendar's coverage (covers 2026-01-01 to 2026-12-31)",
      },
    ],
    [
      'a make-up working day outside the coverage',
      edit(['makeUpWorkingDays', 1, 'date'], '2027-01-02'),
      {
        path: 'makeUpWorkingDays.1.date',
        message: "2027-01-02 is outside the calendar's coverage (covers 2026-01-01 to 2026-12-31)",
      },
    ],
    [
      'a provisional span outside the coverage',
      edit(['provisional'], { from: '2026-07-01', to: '2027-12-31', note: 'derived' }),
      {
        path: 'provisional.to',
        message: "2027-12-31 is outside the calendar's coverage (covers 2026-01-01 to 2026-12-31)",
      },
    ],
    [
      'a provisional span that runs backwards',
      edit(['provisional'], { from: '2026-07-01', to: '2026-06-30', note: 'derived' }),
      { path: 'provisional.to', message: 'to (2026-06-30) is before from (2026-07-01)' },
    ],
  ])('%s', (_, spec, expected) => {
    expectErrors(spec, [expected]);
  });

  it('reports every entry before the start of the coverage', () => {
    expectErrors(edit(['covers', 'from'], '2026-02-20'), [
      {
        path: 'holidays.0.from',
        message: "2026-02-15 is outside the calendar's coverage (covers 2026-02-20 to 2026-12-31)",
      },
      {
        path: 'makeUpWorkingDays.0.date',
        message: "2026-02-14 is outside the calendar's coverage (covers 2026-02-20 to 2026-12-31)",
      },
    ]);
  });
});

describe('holidays', () => {
  it.each([
    [
      'a block that runs backwards',
      edit(['holidays', 0], { ...SPRING_FESTIVAL, to: '2026-02-05' }),
      { path: 'holidays.0.to', message: 'to (2026-02-05) is before from (2026-02-15)' },
    ],
    [
      'both date: and from:/to:',
      edit(['holidays', 0, 'date'], '2026-02-17'),
      {
        path: 'holidays.0',
        message: "holiday 'Spring Festival' has both date: and from:/to:",
        hint: 'keep one',
      },
    ],
    [
      'no date at all',
      edit(['holidays', 1, 'date'], undefined),
      {
        path: 'holidays.1',
        message: "holiday 'Qingming Festival' has no date:",
        hint: 'write date: for one day, or from: and to: (both included) for a block of days',
      },
    ],
    [
      'from: without to:',
      edit(['holidays', 0, 'to'], undefined),
      { path: 'holidays.0', message: "holiday 'Spring Festival' has no to:" },
    ],
    [
      'to: without from:',
      edit(['holidays', 0, 'from'], undefined),
      { path: 'holidays.0', message: "holiday 'Spring Festival' has no from:" },
    ],
    [
      'a day in two entries',
      edit(['holidays', 1], { name: 'Lantern', date: '2026-02-23' }),
      {
        path: 'holidays.1',
        message: '2026-02-23 is already a holiday (holidays.0, Spring Festival)',
        hint: 'list each day once: shorten one of the two entries',
      },
    ],
  ])('%s', (_, spec, expected) => {
    expectErrors(spec, [expected]);
  });
});

describe('make-up working days', () => {
  it.each([
    [
      'a day that is also a holiday',
      edit(['makeUpWorkingDays', 1, 'date'], '2026-02-22'),
      {
        path: 'makeUpWorkingDays.1.date',
        message:
          '2026-02-22 is both a make-up working day and a holiday (holidays.0, Spring Festival)',
        hint: 'a day is either worked or off: remove it from one of the lists',
      },
    ],
    [
      'a weekday',
      edit(['makeUpWorkingDays', 1, 'date'], '2026-02-27'),
      {
        path: 'makeUpWorkingDays.1.date',
        message: 'make-up working day 2026-02-27 is a Friday, a working day anyway',
        hint:
          'a make-up working day (调休上班) is a Saturday or Sunday worked in exchange for a ' +
          'holiday: check the date against the notice',
      },
    ],
    [
      'the same day twice',
      edit(['makeUpWorkingDays', 1, 'date'], '2026-02-14'),
      {
        path: 'makeUpWorkingDays.1.date',
        message:
          '2026-02-14 is already a make-up working day (makeUpWorkingDays.0, Spring Festival make-up)',
        hint: 'remove one of the two',
      },
    ],
  ])('%s', (_, spec, expected) => {
    expectErrors(spec, [expected]);
  });
});

describe('shape, in the words of the data map and the policy', () => {
  it.each([
    [
      'an unknown time zone, with a suggestion',
      edit(['timeZone'], 'Asia/Shangai'),
      {
        path: 'timeZone',
        message: "unknown time zone 'Asia/Shangai'",
        hint: 'did you mean Asia/Shanghai?',
      },
    ],
    [
      'a misspelt list, with a suggestion',
      edit(['makeupWorkingDays'], []),
      {
        path: 'makeupWorkingDays',
        message: "unknown property 'makeupWorkingDays'",
        hint: 'did you mean makeUpWorkingDays?',
      },
    ],
    [
      'a missing coverage',
      edit(['covers'], undefined),
      { path: 'covers', message: "missing required property 'covers'" },
    ],
    [
      'a holiday without a name',
      edit(['holidays', 1, 'name'], undefined),
      { path: 'holidays.1.name', message: "missing required property 'name'" },
    ],
    [
      'a make-up day without a date',
      edit(['makeUpWorkingDays', 0, 'date'], undefined),
      { path: 'makeUpWorkingDays.0.date', message: "missing required property 'date'" },
    ],
    [
      'holidays as a mapping',
      edit(['holidays'], { '2026-04-06': 'Qingming' }),
      { path: 'holidays', message: 'holidays must be a list (got a mapping)' },
    ],
    [
      'another format version',
      edit(['version'], 2),
      { path: 'version', message: 'version must be 1 (got the number 2)' },
    ],
    [
      'a reserved name',
      '{"version":1,"name":"x","covers":{"from":"2026-01-01","to":"2026-12-31"},"holidays":[],"__proto__":{}}',
      { path: '__proto__', message: "'__proto__' cannot be used as a name" },
    ],
    [
      'a list, not a mapping',
      '- 2026-01-01\n',
      { path: '', message: 'a holiday calendar must be a mapping (got a list)' },
    ],
    [
      'a duplicate key',
      'version: 1\nname: a\nname: b\n',
      { path: 'name', line: 3, column: 1, message: "duplicate key 'name'" },
    ],
    ['broken YAML', 'version: 1\nholidays: [\n', { line: 3 }],
  ])('%s', (_, spec, expected) => {
    expectErrors(spec, [expected]);
  });

  it('reports every mistake at once, in file order, at file:line:col', () => {
    const text = [
      'version: 1',
      'name: broken',
      'covers: { from: 2026-01-01, to: 2026-12-31 }',
      'holidays:',
      '  - { name: Spring Festival, from: 2026-02-15, to: 2026-02-23 }',
      '  - { name: Qingming, date: 2026-4-6 }',
      'makeUpWorkingDays:',
      '  - { name: make-up, date: 2026-02-16 }',
      '  - { name: make-up, date: 2026-02-27 }',
      '  - { name: make-up, date: 2027-01-02 }',
      '',
    ].join('\n');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      "calendar.yaml:6:29 holidays.1.date: date must be a date written YYYY-MM-DD (got '2026-4-6') (write it as 2026-04-06)",
      'calendar.yaml:8:28 makeUpWorkingDays.0.date: 2026-02-16 is both a make-up working day and a holiday (holidays.0, Spring Festival) (a day is either worked or off: remove it from one of the lists)',
      'calendar.yaml:9:28 makeUpWorkingDays.1.date: make-up working day 2026-02-27 is a Friday, a working day anyway (a make-up working day (调休上班) is a Saturday or Sunday worked in exchange for a holiday: check the date against the notice)',
      "calendar.yaml:10:28 makeUpWorkingDays.2.date: 2027-01-02 is outside the calendar's coverage (covers 2026-01-01 to 2026-12-31) (remove it, or extend covers: to include it once every holiday and make-up working day of the added days is listed)",
    ]);
  });
});

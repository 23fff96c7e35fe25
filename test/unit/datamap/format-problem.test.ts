import type { DataMapProblem } from '../../../src/core/datamap/data-map-error';
import { DataMapError, formatProblem } from '../../../src/core/datamap/data-map-error';
import { dataMapOrThrow } from '../../../src/core/datamap/parse-data-map';
import { baseMap, edit, parse } from './harness';

const problem: DataMapProblem = {
  file: 'maps/datamap.yaml',
  path: 'systems.accounts.collections.users.fields.email.identity',
  line: 42,
  column: 18,
  message: "identity 'emial' is not declared under identities",
  hint: 'did you mean email?',
  severity: 'error',
};

describe('formatProblem', () => {
  it('prints file:line:col path: message (hint)', () => {
    expect(formatProblem(problem)).toBe(
      "maps/datamap.yaml:42:18 systems.accounts.collections.users.fields.email.identity: identity 'emial' is not declared under identities (did you mean email?)",
    );
  });

  it('leaves out what it does not know', () => {
    const bare = {
      file: 'm.yaml',
      path: '',
      message: 'cannot read',
      hint: '',
      severity: 'error',
    } as const;
    expect(formatProblem(bare)).toBe('m.yaml: cannot read');
  });
});

describe('dataMapOrThrow', () => {
  it('returns the map when it is valid', () => {
    expect(dataMapOrThrow(parse(baseMap())).systems).toHaveLength(2);
  });

  it('throws a DataMapError carrying every problem', () => {
    const result = parse(edit(['systems', 'accounts', 'zzz'], 1));
    expect(() => dataMapOrThrow(result)).toThrow(DataMapError);
    try {
      dataMapOrThrow(result);
    } catch (error) {
      expect((error as DataMapError).problems).toHaveLength(1);
      expect((error as DataMapError).message).toMatch(
        /^invalid data map \(1 error\):\nmap\.yaml:\d+:\d+ systems\.accounts\.zzz/,
      );
    }
  });
});

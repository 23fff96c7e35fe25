import { FILE, expectErrors, expectValid, problemsOf } from './harness';

describe('YAML itself', () => {
  it('reports a syntax error with its position', () => {
    const problems = problemsOf('version: 1\nsystems:\n  a: [1, 2\n  b: 3\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: FILE, severity: 'error', line: expect.any(Number) });
    expect(problems[0]?.message).toMatch(/^YAML: .*(indented|\])/);
  });

  it('reports a duplicate key with its path, instead of keeping the last one', () => {
    const yaml = [
      'version: 1',
      'organization: { name: Acme }',
      'systems:',
      '  accounts:',
      '    name: A',
      '    name: B',
    ].join('\n');
    expectErrors(yaml, [
      { path: 'systems.accounts.name', line: 6, column: 5, message: "duplicate key 'name'" },
    ]);
  });

  it('says an empty file is not a map', () => {
    expectErrors('', [{ path: '', message: 'the data map must be a mapping (got null)' }]);
  });

  it('rejects a second document in the same file', () => {
    const problems = problemsOf('version: 1\n---\nversion: 1\n');
    expect(problems[0]?.message).toMatch(/^YAML: /);
  });

  it('accepts a field written with no properties, as `{}`, `~` or nothing', () => {
    const yaml = [
      'version: 1',
      'organization: { name: Acme }',
      'identities: { user_id: {} }',
      'systems:',
      '  accounts:',
      '    name: Accounts',
      '    source: { kind: postgres, url: "postgres://x" }',
      '    collections:',
      '      users:',
      '        primaryKey: id',
      '        fields:',
      '          id: { identity: user_id }',
      '          a: {}',
      '          b: ~',
      '          c:',
    ].join('\n');
    const { map } = expectValid(yaml);
    expect(map.systems[0]?.collections[0]?.fields.map((f) => [f.key, f.column])).toEqual([
      ['id', 'id'],
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
  });
});

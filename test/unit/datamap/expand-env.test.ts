import { expandEnv, expandEnvInTree } from '../../../src/core/datamap/expand-env';
import { baseMap, edit, expectErrors, parse } from './harness';

describe('expandEnv', () => {
  const env = { HOST: 'db.internal', EMPTY: '', FALLBACK: 'postgres://fallback' };

  it.each([
    ['postgres://${HOST}/x', 'postgres://db.internal/x'],
    ['${MISSING:-local}', 'local'],
    ['${EMPTY:-local}', 'local'],
    ['${HOST:-local}', 'db.internal'],
    ['${MISSING:-${FALLBACK}}', 'postgres://fallback'],
    ['${HOST:-${MISSING}}', 'db.internal'],
    ['${MISSING:-}', ''],
    ['${MISSING:-${ALSO_MISSING:-local}}', 'local'],
    ['a ${HOST} b ${HOST}', 'a db.internal b db.internal'],
    ['no references, $HOST and $ alone', 'no references, $HOST and $ alone'],
  ])('%s → %s', (text, expected) => {
    expect(expandEnv(text, env)).toEqual({ value: expected, missing: [] });
  });

  it('keeps the text as written and names what is missing', () => {
    expect(expandEnv('${A}/${HOST}/${B:-${C}}', env)).toEqual({
      value: '${A}/${HOST}/${B:-${C}}',
      missing: ['A', 'C'],
    });
  });

  it.each([
    ['${}', 'expected a variable name after ${'],
    ['${HOST', "expected '}' or ':-' after ${HOST"],
    ['${X:-abc', 'unterminated ${X:-…'],
    ['${X:-a${Y}}', 'a default may hold one ${OTHER}, not text around it'],
    ['${X:-${Y:-${Z}}}', 'defaults nest one level deep: ${A:-${B}} or ${A:-${B:-text}}'],
  ])('reports %s as malformed', (text, malformed) => {
    expect(expandEnv(text, env)).toEqual({ value: text, missing: [], malformed });
  });

  it('expands values in nested lists and mappings, never keys', () => {
    const { tree, issues } = expandEnvInTree(
      { '${HOST}': ['${HOST}', 1, null, { a: '${HOST}' }] },
      env,
      true,
    );
    expect(tree).toEqual({ '${HOST}': ['db.internal', 1, null, { a: 'db.internal' }] });
    expect(issues).toEqual([]);
  });
});

describe('environment in a data map', () => {
  const url = ['systems', 'accounts', 'source', 'url'];
  const map = edit(url, '${ACCOUNTS_URL}', baseMap());

  it('is an error, naming path and variable, when the environment is required', () => {
    expectErrors(map, [
      {
        file: 'map.yaml',
        path: 'systems.accounts.source.url',
        message: 'environment variable ACCOUNTS_URL is not set',
        hint: 'set ACCOUNTS_URL, or give a default: ${ACCOUNTS_URL:-…}',
      },
    ]);
  });

  it('is a warning, keeping the value as written, when it is not', () => {
    const result = parse(map, {}, { requireEnv: false });
    if (!result.ok) throw new Error('expected a valid map');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        path: 'systems.accounts.source.url',
        message: 'environment variable ACCOUNTS_URL is not set',
        hint: 'the value is kept as written',
        severity: 'warning',
      }),
    ]);
    expect(result.map.systems[0]?.source).toMatchObject({ url: '${ACCOUNTS_URL}' });
  });

  it('reports a malformed reference whatever the mode', () => {
    const result = parse(edit(url, '${ACCOUNTS_URL'), {}, { requireEnv: false });
    expect(result.ok).toBe(false);
  });

  it('never puts an expanded secret in a problem', () => {
    const secret = 'postgres://admin:s3cret@db/x';
    const broken = edit(['systems', 'accounts', 'zzz'], 1, map);
    const result = parse(broken, { ACCOUNTS_URL: secret });
    expect(JSON.stringify(result)).not.toContain('s3cret');
  });
});

/**
 * `privgraph policy …` words → a command value, and every usage error a message (exit 2),
 * as a table.
 */
import { DEFAULT_MAP, parsePolicyArgs } from '../../../src/cli/policy-args';

const parsed = (...args: string[]) => {
  const result = parsePolicyArgs(args);
  if (result.ok !== true) throw new Error(result.ok === 'help' ? 'help' : result.message);
  return result;
};
const usage = (...args: string[]) => {
  const result = parsePolicyArgs(args);
  if (result.ok !== false) throw new Error(`parsed: ${JSON.stringify(result)}`);
  return result.message;
};

describe('parsePolicyArgs', () => {
  it.each([
    [
      ['explain', '--role', 'dpo', '--purpose', 'dsar', '--coordinate', 'AccountsUsers.email'],
      { name: 'explain', role: 'dpo', purpose: 'dsar', coordinate: 'AccountsUsers.email' },
    ],
    [
      ['explain', '--role', 'dpo', '--purpose', 'dsar', '--category', 'user.contact'],
      { name: 'explain', role: 'dpo', purpose: 'dsar', category: 'user.contact' },
    ],
    [['matrix'], { name: 'matrix' }],
    [['lint'], { name: 'lint', sample: false }],
    [['lint', '--sample'], { name: 'lint', sample: true }],
    [['diff', '--proposed', 'next.yaml'], { name: 'diff', proposedPolicy: 'next.yaml' }],
    [['diff', '--proposed-map', 'map2.yaml'], { name: 'diff', proposedMap: 'map2.yaml' }],
    [
      ['diff', '--proposed', 'p.yaml', '--proposed-map', 'm.yaml'],
      { name: 'diff', proposedPolicy: 'p.yaml', proposedMap: 'm.yaml' },
    ],
  ])('%j', (args, command) => {
    expect(parsed(...args).command).toEqual(command);
  });

  it('reads the demo files by default, the policy beside the map', () => {
    expect(parsed('matrix').files).toEqual({ map: DEFAULT_MAP, policy: 'seeds/demo/policy.yaml' });
    expect(parsed('matrix', '--map', 'deploy/map.yaml').files).toEqual({
      map: 'deploy/map.yaml',
      policy: 'deploy/policy.yaml',
    });
    expect(parsed('matrix', '--map', 'm.yaml', '--policy', 'other/p.yaml').files).toEqual({
      map: 'm.yaml',
      policy: 'other/p.yaml',
    });
  });

  it('reads the deployment’s files from PRIVGRAPH_DATAMAP and PRIVGRAPH_POLICY, as the gateway does', () => {
    const files = (env: Record<string, string>, ...args: string[]) => {
      const result = parsePolicyArgs(['matrix', ...args], env);
      if (result.ok !== true) throw new Error('not parsed');
      return result.files;
    };
    expect(files({ PRIVGRAPH_DATAMAP: 'shop/map.yaml' })).toEqual({
      map: 'shop/map.yaml',
      policy: 'shop/policy.yaml',
    });
    expect(
      files({ PRIVGRAPH_DATAMAP: 'shop/map.yaml', PRIVGRAPH_POLICY: 'secure/policy.yaml' }),
    ).toEqual({ map: 'shop/map.yaml', policy: 'secure/policy.yaml' });
    // options name other files: theirs win, and a map given by option brings its own policy
    expect(files({ PRIVGRAPH_POLICY: 'secure/policy.yaml' }, '--map', 'm/map.yaml')).toEqual({
      map: 'm/map.yaml',
      policy: 'm/policy.yaml',
    });
    expect(files({ PRIVGRAPH_POLICY: 'secure/policy.yaml' }, '--policy', 'p.yaml')).toEqual({
      map: DEFAULT_MAP,
      policy: 'p.yaml',
    });
  });

  it.each([
    [['matrix'], 'md', undefined],
    [['matrix', '--format', 'html'], 'html', undefined],
    [['matrix', '--format', 'markdown'], 'md', undefined],
    [['matrix', '--out', 'report.html'], 'html', 'report.html'],
    [['matrix', '--out', 'REPORT.HTML'], 'html', 'REPORT.HTML'],
    [['matrix', '--out', 'report.md'], 'md', 'report.md'],
    [['matrix', '--out', 'report.html', '--format', 'md'], 'md', 'report.html'],
  ])('%j → format %s, out %s', (args, format, out) => {
    const result = parsed(...args);
    expect(result.format).toBe(format);
    expect(result.out).toBe(out);
  });

  it.each([
    [[], 'which policy command? explain, matrix, lint or diff'],
    [['audit'], 'unknown policy command "audit"'],
    [['explain', '--purpose', 'dsar', '--coordinate', 'x'], 'explain needs --role'],
    [['explain', '--role', 'dpo', '--coordinate', 'x'], 'explain needs --purpose'],
    [
      ['explain', '--role', 'dpo', '--purpose', 'dsar'],
      'explain needs exactly one of --coordinate and --category',
    ],
    [
      ['explain', '--role', 'dpo', '--purpose', 'dsar', '--coordinate', 'x', '--category', 'user'],
      'explain needs exactly one of --coordinate and --category',
    ],
    [['diff'], 'diff needs --proposed FILE (a policy), --proposed-map FILE, or both'],
    [['matrix', '--format', 'pdf'], '--format is md or html, not "pdf"'],
    [['matrix', 'extra'], 'matrix takes no argument "extra"; did you mean an option?'],
    [['matrix', '--sample'], 'matrix does not take --sample'],
    [['lint', '--proposed', 'x'], 'lint does not take --proposed'],
    [
      ['explain', '--role', 'dpo', '--purpose', 'dsar', '--category', 'user', '--sample'],
      'explain does not take --sample',
    ],
  ])('%j → %s', (args, message) => {
    expect(usage(...args)).toBe(message);
  });

  it('reports an unknown option in node:util words', () => {
    expect(usage('matrix', '--colour')).toMatch(/Unknown option '--colour'/);
  });

  it('asks for help', () => {
    expect(parsePolicyArgs(['lint', '--help'])).toEqual({ ok: 'help' });
    expect(parsePolicyArgs(['-h'])).toEqual({ ok: 'help' });
  });
});

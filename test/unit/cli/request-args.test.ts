/**
 * `privgraph request …` words → a command value, and every usage error a message (exit 2),
 * as a table.
 */
import { DEFAULT_GATEWAY_URL, parseRequestArgs } from '../../../src/cli/request-args';

const env = { PRIVGRAPH_TOKEN: 'env-token' };

const command = (...args: string[]) => {
  const parsed = parseRequestArgs(args, env);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
};
const usage = (...args: string[]) => {
  const parsed = parseRequestArgs(args, env);
  if (parsed.ok) throw new Error(`parsed: ${JSON.stringify(parsed.command)}`);
  return parsed.message;
};

describe('parseRequestArgs', () => {
  it.each([
    [
      ['access', '--phone', '138 0013 8000', '--verified', 'SMS code'],
      { name: 'access', subject: { kind: 'phone', value: '138 0013 8000' }, verified: 'SMS code' },
    ],
    [
      ['erase', '--identity', 'user_id=1042', '--verified', ' ID card at the desk '],
      {
        name: 'erase',
        subject: { kind: 'user_id', value: '1042' },
        verified: 'ID card at the desk',
      },
    ],
    [
      ['access', '--identity', 'note=a=b', '--verified', 'x'],
      { name: 'access', subject: { kind: 'note', value: 'a=b' }, verified: 'x' },
    ],
    [['approve', 'r1', '--note', 'ok'], { name: 'approve', id: 'r1', note: 'ok' }],
    [['approve', 'r1'], { name: 'approve', id: 'r1' }],
    [
      ['reject', 'r1', '--reason', 'legal hold'],
      { name: 'reject', id: 'r1', reason: 'legal hold' },
    ],
    [['status', 'r1'], { name: 'status', id: 'r1' }],
    [['retry', 'r1'], { name: 'retry', id: 'r1' }],
    [['list'], { name: 'list', limit: 50, offset: 0 }],
    [
      ['list', '--status', 'awaiting-approval,partial', '--limit', '10', '--offset', '20'],
      { name: 'list', statuses: ['AWAITING_APPROVAL', 'PARTIAL'], limit: 10, offset: 20 },
    ],
    [
      ['download', 'r1', '--out', 'p.json'],
      { name: 'download', id: 'r1', out: 'p.json', force: false },
    ],
  ])('%j', (args, expected) => {
    expect(command(...args).command).toEqual(expected);
  });

  it('connects to the default URL with the token from the environment, or the flags', () => {
    expect(command('status', 'r1').connection).toEqual({
      url: DEFAULT_GATEWAY_URL,
      token: 'env-token',
      json: false,
    });
    expect(
      command('status', 'r1', '--url', 'https://gw.example/graphql', '--token', 't', '--json')
        .connection,
    ).toEqual({ url: 'https://gw.example/graphql', token: 't', json: true });
    expect(command('status', 'r1', '--wait', '--timeout', '90').wait).toEqual({
      wait: true,
      timeoutSeconds: 90,
    });
    expect(command('status', 'r1').wait).toEqual({ wait: false });
  });

  it.each([
    [[], /which request command/],
    [['frobnicate'], /unknown request command "frobnicate"/],
    [['access', '--verified', 'x'], /exactly one identity/],
    [['access', '--phone', '1', '--email', 'a@b.c', '--verified', 'x'], /exactly one identity/],
    [['access', '--identity', 'phone', '--verified', 'x'], /KIND=VALUE/],
    [['access', '--identity', '=1', '--verified', 'x'], /KIND=VALUE/],
    [['access', '--phone', '1'], /--verified says how/],
    [['access', '--phone', '1', '--verified', '  '], /--verified says how/],
    [['access', 'someone', '--phone', '1', '--verified', 'x'], /takes no argument "someone"/],
    [['approve'], /takes one request id/],
    [['status', 'a', 'b'], /takes one request id/],
    [['reject', 'r1'], /--reason/],
    [['download', 'r1'], /--out FILE/],
    [['list', '--status', 'done'], /unknown status DONE; one of: received/],
    [['list', '--limit', '0'], /--limit must be a whole number of at least 1/],
    [['list', '--offset', '-1'], /--offset/],
    [['status', 'r1', '--timeout', 'soon'], /--timeout/],
    [['status', 'r1', '--url', 'localhost:4000'], /--url must be an http/],
    [['status', 'r1', '--bogus'], /Unknown option '--bogus'/],
  ])('%j is a usage error', (args, message) => {
    expect(usage(...args)).toMatch(message);
  });

  it('needs a token, and says how to get one', () => {
    const parsed = parseRequestArgs(['status', 'r1'], {});
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/PRIVGRAPH_TOKEN/) });
  });
});

/**
 * `privgraph audit …` words → a command value, and every usage error a message (exit 2), as a
 * table.
 */
import { DEFAULT_GATEWAY_URL } from '../../../src/cli/request-args';
import { MAX_EVENTS, parseAuditArgs } from '../../../src/cli/audit-args';

const env = { PRIVGRAPH_TOKEN: 'env-token' };

const command = (...args: string[]) => {
  const parsed = parseAuditArgs(args, env);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
};
const usage = (...args: string[]) => {
  const parsed = parseAuditArgs(args, env);
  if (parsed.ok) throw new Error(`parsed: ${JSON.stringify(parsed.command)}`);
  return parsed.message;
};

describe('parseAuditArgs', () => {
  it.each([
    [['verify'], { name: 'verify' }],
    [['events'], { name: 'events', filters: {}, limit: 50 }],
    [
      ['events', '--subject', 'phone=138 0013 8000', '--limit', '20'],
      {
        name: 'events',
        filters: { subject: { kind: 'phone', value: '138 0013 8000' } },
        limit: 20,
      },
    ],
    [
      ['events', '--subject', 'note=a=b'],
      { name: 'events', filters: { subject: { kind: 'note', value: 'a=b' } }, limit: 50 },
    ],
    [
      ['events', '--actor', 'app:crm', '--purpose', 'marketing', '--kind', 'read, reidentify'],
      {
        name: 'events',
        filters: { actor: 'app:crm', purpose: 'marketing', kinds: ['READ', 'REIDENTIFY'] },
        limit: 50,
      },
    ],
    [
      ['events', '--from', '2026-11-01', '--to', '2026-11-30T08:00:00+08:00', '--before', '1200'],
      {
        name: 'events',
        filters: {
          from: '2026-11-01T00:00:00.000Z',
          to: '2026-11-30T00:00:00.000Z',
          before: 1200,
        },
        limit: 50,
      },
    ],
  ])('%j', (args, expected) => {
    expect(command(...args).command).toEqual(expected);
  });

  it('connects to the default URL with the token from the environment, or the flags', () => {
    expect(command('verify').connection).toEqual({
      url: DEFAULT_GATEWAY_URL,
      token: 'env-token',
      json: false,
    });
    expect(
      command('verify', '--url', 'https://gw.example/graphql', '--token', 't', '--json').connection,
    ).toEqual({ url: 'https://gw.example/graphql', token: 't', json: true });
  });

  it.each([
    [[], /which audit command/],
    [['tamper'], /unknown audit command "tamper"/],
    [['verify', 'now'], /takes no argument "now"/],
    [['verify', '--actor', 'x'], /--actor is an option of events/],
    [['events', '--subject', 'phone'], /KIND=VALUE/],
    [['events', '--subject', '=1'], /KIND=VALUE/],
    [['events', '--kind', 'read,peek'], /unknown event kind PEEK/],
    [['events', '--from', 'yesterday'], /--from is a day/],
    [['events', '--from', '2026-11-30T08:00:00'], /with its offset/],
    [['events', '--from', '2026-02-30'], /--from is a day/],
    [['events', '--to', '2026-11-30T24:30:00Z'], /--to is a day/],
    [['events', '--to', '2026-11-30T08:61+08:00'], /--to is a day/],
    [['events', '--from', '2026-11-30', '--to', '2026-11-01'], /--from must be before --to/],
    [['events', '--limit', '0'], /--limit must be a whole number of at least 1/],
    [['events', '--limit', '2.5'], /--limit must be a whole number/],
    [['events', '--limit', String(MAX_EVENTS + 1)], /page on with --before/],
    [['events', '--before', '0'], /--before must be a whole number of at least 1/],
    [['events', '--url', 'gw.example'], /--url must be an http\(s\) URL/],
    [['events', '--frm', 'x'], /Unknown option '--frm'/],
  ])('%j → usage error', (args, message) => {
    expect(usage(...args)).toMatch(message);
  });

  it('needs a token, and says how to get one', () => {
    const parsed = parseAuditArgs(['verify'], {});
    expect(parsed).toMatchObject({ ok: false, message: expect.stringMatching(/PRIVGRAPH_TOKEN/) });
  });
});

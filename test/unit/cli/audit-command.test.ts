/**
 * `privgraph audit …` end to end against a fake gateway (a `fetch` answering as the gateway
 * does): what is sent, what is printed, and the exit codes — 0 done and intact, 1 refused,
 * failed or broken, 2 usage.
 */
import { runAudit } from '../../../src/cli/audit-command';
import type { AuditEventViewFragment } from '../../../src/generated/graphql';

interface Sent {
  url: string;
  authorization: string | undefined;
  body: { query: string; variables: Record<string, unknown> };
}

function fakeGateway(...answers: (Response | Error)[]) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({
      url,
      authorization: (init.headers as Record<string, string>).authorization,
      body: JSON.parse(String(init.body)),
    });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const graphql = (data: unknown, errors?: unknown[]) =>
  new Response(JSON.stringify({ data, ...(errors ? { errors } : {}) }), {
    headers: { 'content-type': 'application/json' },
  });

async function run(args: string[], fetch: typeof globalThis.fetch) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAudit(
    args,
    { log: (line) => out.push(line), error: (line) => err.push(line) },
    { PRIVGRAPH_TOKEN: 'tok' },
    { fetch },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const verification = (broken: unknown) => ({
  verifyAuditLog: {
    ok: broken === null,
    events: 10,
    head: { position: 10, hash: 'f'.repeat(64) },
    checkpoints: { checked: 2, rejected: 0, latest: 10 },
    broken,
  },
});

const event = (position: number): AuditEventViewFragment => ({
  position,
  kind: 'READ',
  at: '2026-11-30T08:00:00.000Z',
  actor: 'app:desk',
  role: 'support-agent',
  purpose: 'customer_service',
  subjectKeys: [`phone:${'2'.repeat(64)}`],
  requestId: `r${position}`,
  policyVersion: null,
  dataMapVersion: null,
  coordinates: [],
  detail: {},
});

describe('privgraph audit verify', () => {
  it('exits 0 and says so when the chain is intact', async () => {
    const gateway = fakeGateway(graphql(verification(null)));
    const result = await run(['verify', '--url', 'http://gw.test/graphql'], gateway.fetch);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^audit log intact: 10 event\(s\), head #10/);
    expect(gateway.sent[0]).toMatchObject({
      url: 'http://gw.test/graphql',
      authorization: 'Bearer tok',
      body: { variables: {} },
    });
    expect(gateway.sent[0]?.body.query).toMatch(/verifyAuditLog/);
  });

  it('exits 1 and prints the first broken link when it is broken', async () => {
    const gateway = fakeGateway(
      graphql(
        verification({ position: 4, problem: 'MISSING', detail: 'expected position 4, found 5' }),
      ),
    );
    const result = await run(['verify'], gateway.fetch);
    expect(result.code).toBe(1);
    expect(result.out.split('\n').slice(0, 2)).toEqual([
      'audit log BROKEN at #4: an event is missing (deleted)',
      '  expected position 4, found 5',
    ]);
  });

  it('prints the gateway’s answer as JSON with --json, and still exits 1 when broken', async () => {
    const answer = verification({ position: 4, problem: 'EDITED', detail: 'd' });
    const gateway = fakeGateway(graphql(answer));
    const result = await run(['verify', '--json'], gateway.fetch);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual(answer.verifyAuditLog);
  });

  it('exits 1 with the gateway’s code when the role may not read the trail', async () => {
    const gateway = fakeGateway(
      graphql(null, [
        {
          message:
            'This operation needs the "audit.read" capability, which your role does not have.',
          extensions: { code: 'FORBIDDEN' },
        },
      ]),
    );
    const result = await run(['verify'], gateway.fetch);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatch(/^privgraph: FORBIDDEN: .*audit\.read/);
  });

  it('exits 1 when the gateway cannot be reached', async () => {
    const gateway = fakeGateway(
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
    );
    const result = await run(['verify'], gateway.fetch);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/UNREACHABLE: cannot reach the gateway .*ECONNREFUSED/);
  });
});

describe('privgraph audit events', () => {
  it('sends the filters, prints events newest first, and the cursor of older ones', async () => {
    const gateway = fakeGateway(
      graphql({ auditEvents: { events: [event(9), event(7)], nextBefore: 7 } }),
    );
    const result = await run(
      [
        'events',
        '--subject',
        'email=Alice@Example.com',
        '--actor',
        'app:desk',
        '--kind',
        'read',
        '--from',
        '2026-11-01',
        '--limit',
        '2',
      ],
      gateway.fetch,
    );
    expect(result.code).toBe(0);
    expect(gateway.sent[0]?.body.variables).toEqual({
      subject: { kind: 'email', value: 'Alice@Example.com' },
      actor: 'app:desk',
      purpose: null,
      kinds: ['READ'],
      from: '2026-11-01T00:00:00.000Z',
      to: null,
      first: 2,
      before: null,
    });
    expect(result.out).toMatch(/^#9 .*\n[\s\S]*#7 [\s\S]*older events: add --before 7$/);
  });

  it('pages through the gateway’s pages until --limit, continuing from each nextBefore', async () => {
    const page = (from: number, count: number, next: number | null) =>
      graphql({
        auditEvents: {
          events: Array.from({ length: count }, (_, i) => event(from - i)),
          nextBefore: next,
        },
      });
    const gateway = fakeGateway(page(2000, 500, 1501), page(1500, 100, 1401));
    const result = await run(['events', '--limit', '600', '--json'], gateway.fetch);
    expect(result.code).toBe(0);
    expect(gateway.sent.map((s) => [s.body.variables.first, s.body.variables.before])).toEqual([
      [500, null],
      [100, 1501],
    ]);
    const printed = JSON.parse(result.out) as { events: unknown[]; nextBefore: number };
    expect(printed.events).toHaveLength(600);
    expect(printed.nextBefore).toBe(1401);
  });

  it('stops at the last page', async () => {
    const gateway = fakeGateway(graphql({ auditEvents: { events: [event(3)], nextBefore: null } }));
    const result = await run(['events', '--limit', '600'], gateway.fetch);
    expect(gateway.sent).toHaveLength(1);
    expect(result.out).not.toMatch(/older events/);
  });

  it('exits 2 with the usage on a usage error, asking nothing', async () => {
    const gateway = fakeGateway();
    const result = await run(['events', '--kind', 'peek'], gateway.fetch);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/unknown event kind PEEK[\s\S]*usage: privgraph audit/);
    expect(gateway.sent).toHaveLength(0);
  });

  it('prints the usage on --help (exit 0) and with no command (exit 2)', async () => {
    expect((await run(['--help'], fakeGateway().fetch)).code).toBe(0);
    const bare = await run([], fakeGateway().fetch);
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/^usage: privgraph audit/);
  });
});

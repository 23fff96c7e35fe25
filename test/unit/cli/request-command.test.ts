/**
 * `privgraph request …` end to end against a fake gateway (a `fetch` answering as the
 * gateway does): what is sent, what is printed, and the exit codes — 0 done, 1 refused or
 * failed, 2 usage.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequestCommandDeps } from '../../../src/cli/request-command';
import { runRequest } from '../../../src/cli/request-command';
import { REQUEST } from './request-fixtures';

interface Sent {
  url: string;
  authorization: string | undefined;
  body?: { query: string; variables: Record<string, unknown> };
}

/** A gateway answering each call with the next of `answers`. */
function fakeGateway(...answers: (Response | Error)[]) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({
      url,
      authorization: (init.headers as Record<string, string>).authorization,
      ...(init.body ? { body: JSON.parse(String(init.body)) } : {}),
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

async function run(args: string[], deps: RequestCommandDeps) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRequest(
    args,
    { log: (line) => out.push(line), error: (line) => err.push(line) },
    { PRIVGRAPH_TOKEN: 'tok' },
    { sleep: async () => undefined, ...deps },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('privgraph request', () => {
  it('access: sends the identity and the verification with the token, prints the request', async () => {
    const gateway = fakeGateway(
      graphql({ requestAccess: { ...REQUEST, kind: 'ACCESS', status: 'IN_PROGRESS' } }),
    );
    const result = await run(
      [
        'access',
        '--phone',
        '138 0013 8000',
        '--verified',
        'SMS code',
        '--url',
        'http://gw:4000/graphql',
      ],
      { fetch: gateway.fetch },
    );
    expect(result.code).toBe(0);
    expect(gateway.sent[0]).toMatchObject({
      url: 'http://gw:4000/graphql',
      authorization: 'Bearer tok',
      body: {
        variables: {
          subject: { kind: 'phone', value: '138 0013 8000' },
          identityVerification: 'SMS code',
        },
      },
    });
    expect(gateway.sent[0]?.body?.query).toMatch(/^mutation RequestAccess/);
    expect(result.out).toContain('  status:    in progress');
    expect(result.out).toContain(`follow it: privgraph request status ${REQUEST.id} --wait`);
  });

  it('erase: prints the plan and how to approve it', async () => {
    const gateway = fakeGateway(
      graphql({
        requestErasure: {
          ...REQUEST,
          kind: 'ERASURE',
          planSummary: { collections: { 'accounts.users': { delete: 1 } } },
        },
      }),
    );
    const result = await run(['erase', '--identity', 'user_id=7', '--verified', 'ID card'], {
      fetch: gateway.fetch,
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain('  accounts.users           1         0');
    expect(result.out).toContain(`privgraph request approve ${REQUEST.id}`);
  });

  it('a refusal is printed with its code and exits 1', async () => {
    const gateway = fakeGateway(
      graphql(null, [
        {
          message: 'This operation needs the "request.approve" capability',
          extensions: { code: 'FORBIDDEN' },
        },
      ]),
    );
    const result = await run(['approve', REQUEST.id], { fetch: gateway.fetch });
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      'privgraph: FORBIDDEN: This operation needs the "request.approve" capability',
    );
  });

  it('an unreachable gateway exits 1 and says where it looked', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED' },
    });
    const result = await run(['list'], { fetch: fakeGateway(refused).fetch });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'privgraph: UNREACHABLE: cannot reach the gateway at http://localhost:4000/graphql: ECONNREFUSED',
    );
  });

  it('a usage error exits 2 with the usage', async () => {
    const result = await run(['access', '--phone', '1'], { fetch: fakeGateway().fetch });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--verified says how[\s\S]*usage: privgraph request/);
  });

  it('status --wait: progress on stderr until done, then the summary and the reply', async () => {
    const task = { kind: 'export', system: null, attempts: 1, lastError: null, result: null };
    const gateway = fakeGateway(
      graphql({
        rightsRequest: {
          ...REQUEST,
          kind: 'ACCESS',
          status: 'IN_PROGRESS',
          tasks: [{ ...task, status: 'RUNNING' }],
        },
      }),
      graphql({
        rightsRequest: {
          ...REQUEST,
          kind: 'ACCESS',
          status: 'COMPLETED',
          result: { rows: 12 },
          reply: 'A copy is ready.',
          tasks: [{ ...task, status: 'DONE', result: { rows: 12 } }],
        },
      }),
    );
    const progress: string[] = [];
    const result = await run(['status', REQUEST.id, '--wait'], {
      fetch: gateway.fetch,
      progress: { write: (text) => progress.push(text), isTTY: false },
    });
    expect(result.code).toBe(0);
    expect(progress.join('')).toBe(
      [
        `request ${REQUEST.id}: in progress — 0/1 tasks done`,
        '  export  —       running',
        `request ${REQUEST.id}: completed — 1/1 tasks done`,
        '  export  —       done     rows 12',
        '',
      ].join('\n'),
    );
    expect(result.out).toContain('result:\n  rows: 12');
    expect(result.out).toContain('reply to the person:\n  A copy is ready.');
  });

  it('status --wait exits 1 when the request ends partial, and says how to resume it', async () => {
    const gateway = fakeGateway(
      graphql({
        rightsRequest: {
          ...REQUEST,
          kind: 'ERASURE',
          status: 'PARTIAL',
          tasks: [
            {
              kind: 'erase',
              system: 'analytics',
              status: 'FAILED',
              attempts: 5,
              lastError: 'down',
              result: null,
            },
          ],
        },
      }),
    );
    const result = await run(['status', REQUEST.id, '--wait'], {
      fetch: gateway.fetch,
      progress: { write: () => undefined, isTTY: false },
    });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`privgraph request retry ${REQUEST.id} --wait`);
  });

  it('status of an unknown request exits 1', async () => {
    const result = await run(['status', REQUEST.id], {
      fetch: fakeGateway(graphql({ rightsRequest: null })).fetch,
    });
    expect(result).toMatchObject({
      code: 1,
      err: `privgraph: NOT_FOUND: no request ${REQUEST.id}`,
    });
  });

  describe('download', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-cli-'));
    const body = '{"systems":[]}';
    const sha = createHash('sha256').update(body).digest('hex');
    const file = (status: number, headers: Record<string, string> = {}) =>
      new Response(
        status === 200
          ? body
          : JSON.stringify({ errors: [{ message: 'expired', extensions: { code: 'CONFLICT' } }] }),
        {
          status,
          headers: { 'x-content-sha256': sha, ...headers },
        },
      );

    it('writes the package beside the GraphQL URL’s host, readable by the owner only', async () => {
      const out = path.join(dir, 'p.json');
      const gateway = fakeGateway(file(200));
      const result = await run(
        ['download', REQUEST.id, '--out', out, '--url', 'https://gw.example/api/graphql'],
        {
          fetch: gateway.fetch,
        },
      );
      expect(result.code).toBe(0);
      expect(gateway.sent[0]).toMatchObject({
        url: `https://gw.example/api/requests/${REQUEST.id}/package`,
        authorization: 'Bearer tok',
      });
      expect(readFileSync(out, 'utf8')).toBe(body);
      expect(statSync(out).mode & 0o777).toBe(0o600);
      expect(result.err).toContain(`sha256 ${sha}`);
    });

    it('refuses to overwrite a file without --force, and a body that does not match its hash', async () => {
      const out = path.join(dir, 'exists.json');
      writeFileSync(out, 'old');
      const kept = await run(['download', REQUEST.id, '--out', out], {
        fetch: fakeGateway(file(200)).fetch,
      });
      expect(kept).toMatchObject({ code: 1, err: expect.stringContaining('--force') });
      expect(readFileSync(out, 'utf8')).toBe('old');
      const forced = await run(['download', REQUEST.id, '--out', out, '--force'], {
        fetch: fakeGateway(file(200)).fetch,
      });
      expect(forced.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(body);

      const tampered = path.join(dir, 'tampered.json');
      const bad = await run(['download', REQUEST.id, '--out', tampered], {
        fetch: fakeGateway(file(200, { 'x-content-sha256': 'f'.repeat(64) })).fetch,
      });
      expect(bad.code).toBe(1);
      expect(() => statSync(tampered)).toThrow();
    });

    it('an expired package is the gateway’s CONFLICT, exit 1', async () => {
      const result = await run(['download', REQUEST.id, '--out', path.join(dir, 'x.json')], {
        fetch: fakeGateway(file(409)).fetch,
      });
      expect(result).toMatchObject({ code: 1, err: 'privgraph: CONFLICT: expired' });
    });
  });
});

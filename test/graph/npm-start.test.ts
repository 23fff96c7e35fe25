/**
 * `npm start` as a new user runs it: the real entry point in a child process, with no
 * DATABASE_URL, on a fresh data directory. The first start seeds the demo world and prints
 * a token per role; a restart keeps the data (and the demo keys: the first start's token and
 * one from `privgraph token` both work) and does not re-seed; a second process on the same
 * directory is refused.
 */
import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/gateway-harness';

jest.setTimeout(120_000);

const dataDir = mkdtempSync(path.join(tmpdir(), 'privgraph-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  // a failed assertion must not leave a gateway (and its embedded database) running
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: '0',
    HOST: '127.0.0.1',
  };
  return Object.assign(env, { PRIVGRAPH_DATA_DIR: dataDir, PRIVGRAPH_DEMO_SUBJECTS: '30' });
}

function start(): Started {
  const env = environment();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function urlOf(started: Started): Promise<string> {
  for (let waited = 0; waited < 90_000; waited += 250) {
    const match = /GraphQL:\s+(http:\/\/\S+)/.exec(started.output());
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the gateway did not start:\n${started.output()}`);
}

const QUERY =
  'query @purpose(name: "dsar") { subject(by: { phone: "147 1373 5850" }) { accounts { users { full_name } } workspace { employees { title } } } }';

/** The DPO's token from the start-up banner's "Demo tokens" lines. */
function bannerToken(started: Started): string {
  const match = /^\s+dpo\s+(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m.exec(started.output());
  if (!match?.[1]) throw new Error(`no demo token for dpo in:\n${started.output()}`);
  return match[1];
}

/** What the README says a user runs: `npx privgraph token --role dpo | tail -n 1`. */
async function cliToken(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/privgraph.js', 'token', '--role', 'dpo'],
    { cwd: ROOT, env: environment() },
  );
  return stdout.trim().split('\n').at(-1) ?? '';
}

async function ask(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  // each operation has its own audit request id; the answers are compared without it
  const answer = (await response.json()) as {
    extensions?: { privacy?: { requestId?: unknown } };
  };
  expect(answer.extensions?.privacy?.requestId).toEqual(expect.any(String));
  delete answer.extensions?.privacy?.requestId;
  return answer;
}

it('serves the demo on the first start, keeps it on a restart, and locks its data directory', async () => {
  const first = start();
  const url = await urlOf(first);
  const firstToken = bannerToken(first);
  const firstAnswer = await ask(url, firstToken);
  expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
  expect(first.output()).toMatch(/seeded the demo world: 30 people/);
  expect(JSON.stringify(firstAnswer)).toMatch(/杨秀英/);

  const second = start();
  expect(await second.exited).toBe(1);
  expect(second.output()).toMatch(/data directory .* is in use by process \d+/);

  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);

  const again = start();
  const againUrl = await urlOf(again);
  expect(await ask(againUrl, firstToken)).toEqual(firstAnswer);
  expect(await ask(againUrl, await cliToken())).toEqual(firstAnswer);
  expect(again.output()).toMatch(/demo world found \(not re-seeded\)/);
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);
});

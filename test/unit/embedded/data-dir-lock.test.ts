/**
 * The data directory lock across real processes (SPEC §8: two processes must never open
 * the same PGlite data directory).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DataDirInUseError,
  LOCK_FILE_NAME,
  lockDataDir,
} from '../../../src/server/embedded/data-dir-lock';

jest.setTimeout(30_000);

const CHILD = path.join(__dirname, 'children', 'hold-data-dir-lock.ts');

interface ChildMessage {
  readonly event: 'locked' | 'refused' | 'released';
  readonly pid?: number;
  readonly message?: string;
}

interface Holder {
  readonly child: ChildProcess;
  readonly first: ChildMessage;
}

const children: ChildProcess[] = [];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'privgraph-lock-'));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

function startChild(): ChildProcess {
  const child = fork(CHILD, [dir], { execArgv: ['-r', '@swc-node/register'], stdio: 'inherit' });
  children.push(child);
  return child;
}

function nextMessage(child: ChildProcess): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as ChildMessage));
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before answering`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function holder(): Promise<Holder> {
  const child = startChild();
  const first = await nextMessage(child);
  return { child, first };
}

test('a second process is refused, told who holds the directory and what to do', async () => {
  const a = await holder();
  expect(a.first.event).toBe('locked');

  const b = await holder();
  expect(b.first).toMatchObject({ event: 'refused', pid: a.child.pid });
  expect(b.first.message).toContain(`data directory ${dir} is in use by process ${a.child.pid}`);
  expect(b.first.message).toContain('set PRIVGRAPH_DATA_DIR to another directory');
});

test('after release another process takes the lock', async () => {
  const a = await holder();
  a.child.send('release');
  expect(await nextMessage(a.child)).toEqual({ event: 'released' });
  expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);

  expect((await holder()).first.event).toBe('locked');
});

test('exiting without releasing removes the lock (exit hook)', async () => {
  const a = await holder();
  a.child.send('exit');
  expect(await exited(a.child)).toBe(0);
  expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
});

test('SIGTERM: the shutdown handler releases the lock', async () => {
  const a = await holder();
  a.child.kill('SIGTERM');
  expect(await exited(a.child)).toBe(0);
  expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
});

test('a lock left by a killed process is stale and taken over', async () => {
  const a = await holder();
  a.child.kill('SIGKILL');
  await exited(a.child);
  expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(true);

  const b = await holder();
  expect(b.first).toEqual({ event: 'locked', pid: b.child.pid });
});

test('processes starting together: exactly one gets the directory', async () => {
  const racers = await Promise.all([holder(), holder(), holder(), holder()]);
  const winners = racers.filter((r) => r.first.event === 'locked');
  expect(winners).toHaveLength(1);
  for (const r of racers)
    if (r !== winners[0])
      expect(r.first).toMatchObject({ event: 'refused', pid: winners[0]?.child.pid });
});

test('the same process cannot lock a directory twice, and can again after release', async () => {
  const release = await lockDataDir(dir);
  await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
  await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${process.pid}`);
  await release();
  await release(); // idempotent
  const again = await lockDataDir(dir);
  await again();
});

test('a damaged lock file (no pid) counts as stale', async () => {
  await writeFile(path.join(dir, LOCK_FILE_NAME), 'not json');
  const release = await lockDataDir(dir);
  await release();
});

test('a missing directory is created', async () => {
  const nested = path.join(dir, 'a', 'b');
  const release = await lockDataDir(nested);
  expect(existsSync(path.join(nested, LOCK_FILE_NAME))).toBe(true);
  await release();
});

/**
 * An exclusive lock on privgraph's data directory (SPEC §8: PGlite does not lock its data
 * directory, so privgraph must — two processes writing one cluster corrupt it).
 *
 * The lock is a file `privgraph.lock` holding the owner's pid, created atomically (hard link
 * of a fully written temp file, so nobody ever reads a half-written lock). A lock whose
 * process is gone (killed, crashed) is stale and is taken over.
 *
 * Why not proper-lockfile: its staleness test is a heartbeat (the lock's mtime, refreshed
 * by a timer). PGlite runs queries synchronously on the event loop, so a long statement
 * (seeding 100k people) starves the timer and another process would judge a live,
 * busy owner stale. A pid is alive or not, however busy its owner is.
 *
 * Known limit: if three processes race to take over the same stale lock within
 * microseconds, two could both succeed; starting one gateway per data directory at a
 * time (what the error message asks for) never gets there.
 */
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `data directory ${dataDir} is in use by process ${pid}; ` +
        'stop it or set PRIVGRAPH_DATA_DIR to another directory',
    );
    this.name = 'DataDirInUseError';
  }
}

export const LOCK_FILE_NAME = 'privgraph.lock';
const MAX_ATTEMPTS = 10;

/** Lock files held by this process, so a lock naming our own pid is told apart from a stale
 * one left by an earlier process that had the same pid (PID 1 in containers). */
const heldHere = new Set<string>();

/**
 * Locks `dir` (created if missing) for this process. Resolves to the release function; the
 * server wiring calls it after PostgreSQL has stopped (normal exit, SIGINT, SIGTERM). If the
 * process exits without releasing, an exit hook removes the lock; if it is killed, the lock
 * is stale and the next start takes it over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const dataDir = path.resolve(dir);
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const record = `${JSON.stringify({ pid: process.pid, hostname: hostname(), since: new Date().toISOString() })}\n`;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (await createAtomically(lockPath, record)) return holdLock(lockPath, record);
    const existing = await readIfPresent(lockPath);
    if (existing === null) continue; // released between our two steps: try again
    const pid = parsePid(existing);
    if (pid !== null && isAlive(pid, lockPath)) throw new DataDirInUseError(dataDir, pid);
    await removeIfUnchanged(lockPath, existing);
  }
  throw new Error(
    `could not lock data directory ${dataDir}: ${lockPath} kept changing; is another process starting?`,
  );
}

async function createAtomically(lockPath: string, record: string): Promise<boolean> {
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, record, { flag: 'wx' });
  try {
    await link(temp, lockPath); // fails with EEXIST if anyone holds the lock: the atomic step
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => {});
  }
}

function holdLock(lockPath: string, record: string): () => Promise<void> {
  heldHere.add(lockPath);
  const releaseOnExit = (): void => {
    try {
      if (readFileSync(lockPath, 'utf8') === record) unlinkSync(lockPath);
    } catch {
      // already gone: nothing to release
    }
  };
  process.on('exit', releaseOnExit);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    process.off('exit', releaseOnExit);
    heldHere.delete(lockPath);
    if ((await readIfPresent(lockPath)) === record) await unlink(lockPath).catch(() => {});
  };
}

/** Takes a stale lock out of the way only if it is still the one judged stale: it is moved
 * aside first (atomic), and put back if someone replaced it in between. */
async function removeIfUnchanged(lockPath: string, staleRecord: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // someone else removed it
    throw error;
  }
  const moved = await readIfPresent(aside);
  if (moved !== staleRecord) await link(aside, lockPath).catch(() => {}); // a live lock: restore it
  await unlink(aside).catch(() => {});
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function parsePid(record: string): number | null {
  try {
    const pid = (JSON.parse(record) as { pid?: unknown }).pid;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null; // not ours or damaged: treat as stale
  }
}

function isAlive(pid: number, lockPath: string): boolean {
  if (pid === process.pid) return heldHere.has(lockPath);
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM'; // exists, owned by another user
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

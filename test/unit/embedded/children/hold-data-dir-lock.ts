/**
 * Child process for data-dir-lock.test.ts: takes the lock on argv[2] (reporting over IPC),
 * then obeys the parent — release, exit without releasing, or wait to be killed.
 */
import { DataDirInUseError, lockDataDir } from '../../../../src/server/embedded/data-dir-lock';

type Command = 'release' | 'exit';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || !process.send) throw new Error('usage: fork with IPC and a data directory argument');
  let release: (() => Promise<void>) | undefined;
  // What the server wiring does on SIGTERM: stop, release, exit. Installed before the parent
  // hears "locked": a signal arriving before its handler exists would kill us outright.
  process.on('SIGTERM', () => {
    void (release?.() ?? Promise.resolve()).then(() => process.exit(0));
  });
  try {
    release = await lockDataDir(dir);
    process.send({ event: 'locked', pid: process.pid });
  } catch (error) {
    const pid = error instanceof DataDirInUseError ? error.pid : undefined;
    process.send({ event: 'refused', pid, message: String(error) });
    process.disconnect();
    return;
  }
  process.on('message', (command: Command) => {
    if (command === 'exit') process.exit(0); // no release: the exit hook must clean up
    if (command === 'release') {
      void release?.().then(() => {
        process.send?.({ event: 'released' });
        process.disconnect();
      });
    }
  });
}

void main();

/** Which code was measured: the commit, and whether the gateway's code had changes not yet
 * committed (figures from a dirty tree describe that tree, not the commit). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface Revision {
  readonly commit: string | null;
  /** Changed or new files under src/, seeds/ and migrations/ at the time of the run. */
  readonly uncommittedFiles: readonly string[];
}

export function currentRevision(): Revision {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' }).trim();
  try {
    const status = git('status', '--porcelain', '--', 'src', 'seeds', 'migrations');
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommittedFiles: status === '' ? [] : status.split('\n').map((line) => line.slice(3)),
    };
  } catch {
    return { commit: null, uncommittedFiles: [] };
  }
}

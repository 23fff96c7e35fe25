/**
 * Signed checkpoints of the audit chain, appended as JSON lines to a file outside the
 * database (SPEC §7). Each process appends its own lines (O_APPEND, one short write each), so
 * replicas sharing a directory — or a log shipper tailing the file — never interleave halves.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Checkpoint } from '../core/audit/audit-checkpoint';
import { parseCheckpoints, signCheckpoint } from '../core/audit/audit-checkpoint';
import type { ChainHead } from '../store';

export interface CheckpointSink {
  readonly file: string;
  write(head: ChainHead): Promise<void>;
  read(): Promise<{ readonly checkpoints: Checkpoint[]; readonly rejected: number }>;
}

export function checkpointFile(file: string, key: Buffer): CheckpointSink {
  let last = -1;
  return {
    file,
    async write(head) {
      if (head.position === 0 || head.position === last) return;
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(
        file,
        `${JSON.stringify(signCheckpoint(key, head.position, head.hash, new Date()))}\n`,
        {
          mode: 0o600,
        },
      );
      last = head.position;
    },
    async read() {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      return parseCheckpoints(key, text);
    },
  };
}

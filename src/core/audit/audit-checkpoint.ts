/**
 * Signed checkpoints (SPEC §7: "signed checkpoints exported outside the database so that
 * cutting off the tail is detected too"): the chain's head (position and link) at a moment,
 * MACed with a key kept outside the store and written outside the database (a file, a log
 * sink). A log that ends before a checkpoint, or holds another link at its position, was cut
 * or rewritten.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Checkpoint {
  readonly position: number;
  readonly hash: string;
  readonly at: string;
  readonly mac: string;
}

function macOf(key: Buffer, position: number, hash: string, at: string): string {
  return createHmac('sha256', key)
    .update(`checkpoint\u0000${position}\u0000${hash}\u0000${at}`)
    .digest('hex');
}

export function signCheckpoint(key: Buffer, position: number, hash: string, at: Date): Checkpoint {
  const iso = at.toISOString();
  return { position, hash, at: iso, mac: macOf(key, position, hash, iso) };
}

export function checkpointIsAuthentic(key: Buffer, checkpoint: Checkpoint): boolean {
  const expected = Buffer.from(
    macOf(key, checkpoint.position, checkpoint.hash, checkpoint.at),
    'hex',
  );
  const given = Buffer.from(String(checkpoint.mac), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Parses a checkpoint file (JSON lines); lines that are not authentic checkpoints are
 * returned apart — a forged line proves nothing and is reported. */
export function parseCheckpoints(
  key: Buffer,
  text: string,
): { readonly checkpoints: Checkpoint[]; readonly rejected: number } {
  const checkpoints: Checkpoint[] = [];
  let rejected = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as Checkpoint;
      if (
        Number.isInteger(parsed.position) &&
        typeof parsed.hash === 'string' &&
        typeof parsed.at === 'string' &&
        checkpointIsAuthentic(key, parsed)
      )
        checkpoints.push(parsed);
      else rejected += 1;
    } catch {
      rejected += 1;
    }
  }
  return { checkpoints, rejected };
}

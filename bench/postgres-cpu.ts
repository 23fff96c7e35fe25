/**
 * CPU time PostgreSQL spends on the benchmark database: the backends serving it, read from
 * `/proc/<pid>/stat` (so only when the server runs on this machine, under Linux). With the
 * target's own CPU time it explains the ratio: both targets send the same statements, so
 * PostgreSQL's share per request should be the same for both, and what differs is the
 * target process.
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function ticksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
}

export type BackendTicks = ReadonlyMap<number, number>;

/** CPU ticks of every backend connected to the database at `url`; null when unreadable. */
export async function backendTicks(url: string): Promise<BackendTicks | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      const value = ticksOf(pid);
      if (value !== null) ticks.set(pid, value);
    }
    return ticks.size > 0 ? ticks : null;
  } finally {
    await client.end();
  }
}

/** PostgreSQL CPU milliseconds between two readings: backends that started in between count
 * from zero; backends that ended in between are lost (pools keep busy connections open). */
export function backendCpuMs(
  before: BackendTicks | null,
  after: BackendTicks | null,
): number | null {
  if (!before || !after) return null;
  let ticks = 0;
  for (const [pid, value] of after) ticks += value - (before.get(pid) ?? 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

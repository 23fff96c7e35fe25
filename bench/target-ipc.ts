/**
 * The child side of a benchmark process (the gateway, the floor, the demo's HTTP service):
 * counts every statement the process sends to PostgreSQL and answers the orchestrator over
 * IPC.
 *
 * Statements are counted the same way in both targets, at the `pg` driver
 * (`Client.prototype.query`, which `Pool.query` and TypeORM both end in), so the counts are
 * comparable and include anything the gateway might send besides its source lookups (the
 * store, an audit write). The wrapper costs an increment and a map update per statement, in
 * both targets alike.
 */
import { Client } from 'pg';

export interface TargetStats {
  /** Statements sent since the process started. */
  readonly statements: number;
  /** Distinct statement texts (and how many times each) since the last reset. */
  readonly texts: Record<string, number>;
  /** CPU time of this process (user + system), microseconds since it started. */
  readonly cpuMicros: number;
  /** This process's monotonic clock, microseconds (the clock of a `--cpu-prof` profile). */
  readonly clockMicros: number;
}

export type ToTarget = { type: 'stats'; resetTexts: boolean } | { type: 'stop' };
export type FromTarget =
  | { type: 'ready'; url: string; headers: Record<string, string> }
  | { type: 'stats'; stats: TargetStats }
  | { type: 'failed'; error: string };

let statements = 0;
let texts = new Map<string, number>();

/** Install before any pool is created. */
export function countStatements(): void {
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function countedQuery(this: unknown, ...args: unknown[]): unknown {
    const first = args[0];
    const text =
      typeof first === 'string'
        ? first
        : String((first as { text?: unknown } | undefined)?.text ?? '<submittable>');
    statements++;
    texts.set(text, (texts.get(text) ?? 0) + 1);
    return original.apply(this, args);
  };
}

function send(message: FromTarget): void {
  process.send?.(message);
}

/** Answers the orchestrator until told to stop; `stop` must release everything it holds.
 * `headers`: what every benchmark request must carry (the gateway's token and purpose). */
export function serveOrchestrator(
  url: string,
  stop: () => Promise<void>,
  headers: Record<string, string> = {},
): void {
  process.on('message', (message: ToTarget) => {
    if (message.type === 'stats') {
      const cpu = process.cpuUsage();
      send({
        type: 'stats',
        stats: {
          statements,
          texts: Object.fromEntries(texts),
          cpuMicros: cpu.user + cpu.system,
          clockMicros: Number(process.hrtime.bigint() / 1000n),
        },
      });
      if (message.resetTexts) texts = new Map();
    } else if (message.type === 'stop') {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  // The orchestrator is gone (crashed or killed): do not outlive it.
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  send({ type: 'ready', url, headers });
}

/** Tells the orchestrator why the target could not start, then exits. */
export function reportFailure(error: unknown): void {
  const message: FromTarget = {
    type: 'failed',
    error: error instanceof Error ? error.message : String(error),
  };
  if (process.send) process.send(message, () => process.exit(1));
  else {
    console.error(message.error);
    process.exit(1);
  }
}

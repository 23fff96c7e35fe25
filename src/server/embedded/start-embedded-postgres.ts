/**
 * The embedded default (SPEC §8): PostgreSQL in-process (PGlite) behind its socket server on
 * the loopback interface, so the ordinary `pg` driver and TypeORM talk to it like to any
 * PostgreSQL server — the gateway store and every demo source alike.
 *
 * Limits the callers must respect (they come from PGlite being a single backend):
 * - one statement runs at a time; connections are multiplexed onto one session;
 * - while a connection holds a transaction, all others wait: never wait on another
 *   connection inside a transaction (it deadlocks);
 * - PGlite does not lock its data directory: take {@link lockDataDir} first;
 * - only a clean `stop()` (PGlite `close()`) leaves the data directory consistent; an
 *   unclean kill can damage it. Crash-safety guarantees are for PostgreSQL proper.
 *
 * PGlite must be loaded by plain Node: inside a Jest test file its dynamic `import()` of the
 * WebAssembly runtime fails (no --experimental-vm-modules), so tests start it in
 * `globalSetup` or in a child process.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SessionAffinityQueue, installSessionAffinityQueue } from './session-affinity-queue';

export interface EmbeddedPostgresOptions {
  /** Directory owned by privgraph; the cluster lives in `${dataDir}/pgdata`. `null`: in memory. */
  readonly dataDir: string | null;
  /** TCP port on 127.0.0.1; 0 (default) lets the OS pick a free one. */
  readonly port?: number;
  /** Client connections accepted at once. Must exceed the sum of every pool's size (the
   * store's plus one per source); the socket server's own default is 1. */
  readonly maxConnections?: number;
  readonly log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`, for `pg` and TypeORM. */
  readonly url: string;
  readonly port: number;
  /** Closes every client connection, then shuts PostgreSQL down cleanly. Idempotent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_MAX_CONNECTIONS = 64;
/** How long `stop()` waits for queued work of closing connections before closing anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const startedAt = performance.now();
  const pgdata =
    options.dataDir === null ? null : path.join(path.resolve(options.dataDir), 'pgdata');
  if (pgdata !== null) await mkdir(path.dirname(pgdata), { recursive: true });

  const db = await PGlite.create(pgdata === null ? {} : { dataDir: pgdata });
  const queue = new SessionAffinityQueue(db, log);
  const server = new PGLiteSocketServer({
    db,
    host: HOST,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
  });
  installSessionAffinityQueue(server, queue);
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new Error(
      `embedded PostgreSQL could not listen on ${HOST}:${options.port ?? 0}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }

  const port = listeningPort(server.getServerConn());
  const elapsed = Math.round(performance.now() - startedAt);
  log(
    `embedded PostgreSQL (PGlite) on ${HOST}:${port}, data ${pgdata ?? 'in memory'}, ready in ${elapsed} ms`,
  );

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    await server.stop();
    // Closing connections queue a reset (Sync, ROLLBACK) each; let them run before close.
    const drained = await Promise.race([
      queue.whenIdle().then(() => true),
      delay(DRAIN_TIMEOUT_MS).then(() => false),
    ]);
    if (!drained) log('embedded PostgreSQL: closing with queued work still pending');
    await db.close();
    log('embedded PostgreSQL stopped');
  };
  return {
    url: `postgres://postgres@${HOST}:${port}/postgres`,
    port,
    stop: () => (stopping ??= stop()),
  };
}

function listeningPort(serverConn: string): number {
  const port = Number(serverConn.slice(serverConn.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`embedded PostgreSQL reported an unexpected address "${serverConn}"`);
  }
  return port;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * The query queue PGlite's socket server runs every client message through, replaced so
 * several `pg` pools can share one embedded database safely (SPEC §8, embedded default).
 *
 * PGlite is one PostgreSQL backend (one session). pglite-socket 0.2.17 multiplexes client
 * connections onto it message by message and pins the session to one connection only while
 * a SQL transaction is open. That is not enough:
 * - an extended-protocol exchange (Parse/Bind/Describe/Execute…Sync) is not a transaction,
 *   yet its unnamed statement and portal live in the session until Sync. When a message is
 *   split over several TCP packets (any value above ~64 KB), another connection's Parse
 *   runs between this one's Parse and Bind: errors like "bind message supplies 1
 *   parameters, but prepared statement requires 2" or, worse, silently wrong rows
 *   (electric-sql/pglite#1046, reproduced here before this queue existed);
 * - one exception thrown by PGlite returns from the queue loop with its busy flag still
 *   set: every later query on every connection hangs forever (same issue).
 *
 * This queue keeps the contract the socket handler calls (`enqueue`, `getQueueLength`,
 * `clearQueueForHandler`, `clearTransactionIfNeeded`) and pins the session to a connection
 * from its first message until the backend is idle again: after a Sync or a simple Query
 * that leaves no transaction open. A failed message never stops the queue.
 *
 * What it cannot fix (a property of one backend): while a connection holds a transaction,
 * the others wait, so code must never wait on another connection inside a transaction.
 * COPY FROM STDIN is not supported through the socket.
 */
import type { PGlite } from '@electric-sql/pglite';

type OnData = (data: Uint8Array) => void;

interface QueuedMessage {
  readonly handlerId: number;
  /** A protocol message, or `null` for "reset the session this departing handler left". */
  readonly message: Uint8Array | null;
  readonly onData: OnData;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: unknown) => void;
}

/** Frontend message type bytes (PostgreSQL protocol 3.0, "Message Formats"). */
const QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'
/** A startup message has no type byte; its length's high byte is 0 (PGlite checks the same). */
const STARTUP = 0x00;
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

export class SessionAffinityQueue {
  private queue: QueuedMessage[] = [];
  private draining = false;
  /** The connection whose exchange with the backend is in progress; null when idle. */
  private owner: number | null = null;
  /** The connection whose message PGlite is executing right now. */
  private current: number | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly db: PGlite,
    private readonly log: (message: string) => void = () => {},
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    const dropped = this.queue.filter((m) => m.handlerId === handlerId);
    this.queue = this.queue.filter((m) => m.handlerId !== handlerId);
    for (const m of dropped) m.reject(new Error('Handler disconnected'));
    this.wakeIfIdle();
  }

  /** Called when a connection goes away: if it held the session (mid-exchange or inside a
   * transaction), end its extended-protocol batch and roll its transaction back before
   * anyone else runs. Never rejects: the caller does not await it safely. */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId && this.current !== handlerId) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => resolve();
      this.queue.unshift({
        handlerId,
        message: null,
        onData: () => {},
        resolve: done,
        reject: done,
      });
      void this.drain();
    });
  }

  /** Resolves once nothing is queued or running (so PGlite can be closed safely). */
  whenIdle(): Promise<void> {
    if (!this.draining && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private next(): QueuedMessage | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((m) => m.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let item = this.next(); item; item = this.next()) await this.run(item);
    } finally {
      this.draining = false;
      this.wakeIfIdle();
    }
  }

  private wakeIfIdle(): void {
    if (this.draining || this.queue.length > 0) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private async run(item: QueuedMessage): Promise<void> {
    this.current = item.handlerId;
    try {
      if (item.message === null) {
        if (this.owner === item.handlerId) await this.resetSession();
        item.resolve(0);
        return;
      }
      const message = item.message;
      let bytes = 0;
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
      this.owner = this.holdsSessionAfter(message) ? item.handlerId : null;
      item.resolve(bytes);
    } catch (error) {
      // Keep the session pinned: the handler detaches on this error, and its reset (above)
      // ends the batch and rolls back before another connection can see the session.
      this.owner = item.handlerId;
      this.log(
        `embedded PostgreSQL: a message from connection #${item.handlerId} failed: ${String(error)}`,
      );
      item.reject(error);
    } finally {
      this.current = null;
    }
  }

  private holdsSessionAfter(message: Uint8Array): boolean {
    const type = message[0];
    if (type === QUERY || type === SYNC || type === TERMINATE || type === STARTUP) {
      return this.db.isInTransaction();
    }
    return true; // Parse, Bind, Describe, Execute, Close, Flush: the batch runs until Sync.
  }

  private async resetSession(): Promise<void> {
    try {
      // Sync ends a half-sent batch and clears the "ignore until Sync" error state. Its reply
      // is discarded explicitly: PGlite's non-stream call would reuse the last stream's
      // callback and write the reply to whichever socket that was.
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => {} }),
      );
      // exec takes PGlite's own locks, so it must run outside runExclusive.
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } catch (error) {
      this.log(
        `embedded PostgreSQL: could not reset the session of a closed connection: ${String(error)}`,
      );
    } finally {
      this.owner = null;
    }
  }
}

/** The private field pglite-socket 0.2.17's server hands to every new connection handler. */
interface ServerWithQueue {
  queryQueue?: unknown;
}

/**
 * Swaps the socket server's queue for a {@link SessionAffinityQueue}. Must run before
 * `start()`: handlers take the queue when they are created. The field is private in
 * pglite-socket, so this checks its shape and fails loudly if a new version changed it.
 */
export function installSessionAffinityQueue(server: object, queue: SessionAffinityQueue): void {
  const target = server as ServerWithQueue;
  const existing = target.queryQueue as { enqueue?: unknown } | undefined;
  if (typeof existing?.enqueue !== 'function') {
    throw new Error(
      'pglite-socket changed: PGLiteSocketServer has no queryQueue to replace; ' +
        're-check src/server/embedded/session-affinity-queue.ts against the installed version',
    );
  }
  target.queryQueue = queue;
}

/**
 * The socket server's queue against a scripted stand-in for PGlite: which connection's
 * message reaches the single backend when (the real server is exercised in
 * start-embedded-postgres.test.ts).
 */
import type { PGlite } from '@electric-sql/pglite';
import { SessionAffinityQueue } from '../../../src/server/embedded/session-affinity-queue';

/** Protocol messages reduced to what the queue looks at: the type byte. */
const msg = (type: string): Uint8Array => new Uint8Array([type.charCodeAt(0), 0, 0, 0, 4]);

class FakeBackend {
  readonly seen: string[] = [];
  inTransaction = false;
  failOn: string | null = null;

  asPGlite(): PGlite {
    const fake = {
      isInTransaction: () => this.inTransaction,
      runExclusive: <T>(fn: () => Promise<T>) => fn(),
      execProtocolRawStream: async (
        m: Uint8Array,
        options: { onRawData: (d: Uint8Array) => void },
      ) => {
        await Promise.resolve();
        const label = this.label(m);
        if (label === this.failOn) throw new Error(`injected failure on ${label}`);
        this.seen.push(label);
        if (label === 'Q:BEGIN') this.inTransaction = true;
        if (label === 'Q:COMMIT') this.inTransaction = false;
        options.onRawData(new Uint8Array([1]));
      },
      exec: async (sql: string) => {
        this.seen.push(`exec:${sql}`);
        if (sql === 'ROLLBACK') this.inTransaction = false;
        return [];
      },
    };
    return fake as unknown as PGlite;
  }

  private readonly labels = new WeakMap<Uint8Array, string>();
  tag(m: Uint8Array, label: string): Uint8Array {
    this.labels.set(m, label);
    return m;
  }
  private label(m: Uint8Array): string {
    return this.labels.get(m) ?? String.fromCharCode(m[0] ?? 0);
  }
}

let backend: FakeBackend;
let queue: SessionAffinityQueue;
const send = (handler: number, type: string, label = `${handler}${type}`): Promise<number> =>
  queue.enqueue(handler, backend.tag(msg(type), label), () => {});

beforeEach(() => {
  backend = new FakeBackend();
  queue = new SessionAffinityQueue(backend.asPGlite());
});

test('an extended-protocol batch runs to its Sync before another connection gets in', async () => {
  await Promise.all([
    send(1, 'P'),
    send(2, 'P'),
    send(1, 'B'),
    send(2, 'B'),
    send(1, 'E'),
    send(1, 'S'),
    send(2, 'E'),
    send(2, 'S'),
  ]);
  expect(backend.seen).toEqual(['1P', '1B', '1E', '1S', '2P', '2B', '2E', '2S']);
});

test('a connection pinned mid-batch keeps the session until its next message arrives', async () => {
  const first = send(1, 'P');
  const other = send(2, 'Q');
  await first;
  await Promise.resolve();
  expect(backend.seen).toEqual(['1P']); // 2 waits: 1's batch is not over
  await send(1, 'S');
  await other;
  expect(backend.seen).toEqual(['1P', '1S', '2Q']);
});

test('an open transaction pins the session to its connection until it ends', async () => {
  await queue.enqueue(1, backend.tag(msg('Q'), 'Q:BEGIN'), () => {});
  const other = send(2, 'Q');
  await queue.enqueue(1, backend.tag(msg('Q'), '1:update'), () => {});
  await queue.enqueue(1, backend.tag(msg('Q'), 'Q:COMMIT'), () => {});
  await other;
  expect(backend.seen).toEqual(['Q:BEGIN', '1:update', 'Q:COMMIT', '2Q']);
});

test('a failing message is rejected without stopping the queue', async () => {
  backend.failOn = '1P';
  const failed = send(1, 'P');
  const other = send(2, 'Q');
  await expect(failed).rejects.toThrow('injected failure on 1P');
  // The socket handler reacts to the failure by detaching: queue cleared, session reset.
  queue.clearQueueForHandler(1);
  await queue.clearTransactionIfNeeded(1);
  await other;
  expect(backend.seen).toEqual(['S', '2Q']);
});

test('a connection that leaves inside a transaction is rolled back before anyone else runs', async () => {
  await queue.enqueue(1, backend.tag(msg('Q'), 'Q:BEGIN'), () => {});
  const other = send(2, 'Q');
  const pending = send(1, 'Q', 'never sent');
  queue.clearQueueForHandler(1);
  await expect(pending).rejects.toThrow('Handler disconnected');
  await queue.clearTransactionIfNeeded(1);
  await other;
  expect(backend.seen).toEqual(['Q:BEGIN', 'S', 'exec:ROLLBACK', '2Q']);
  expect(backend.inTransaction).toBe(false);
});

test('a connection that leaves while idle changes nothing', async () => {
  await send(1, 'Q');
  await queue.clearTransactionIfNeeded(1);
  expect(backend.seen).toEqual(['1Q']);
});

test('whenIdle resolves once every connection has gone', async () => {
  await queue.enqueue(1, backend.tag(msg('Q'), 'Q:BEGIN'), () => {});
  const waiting = send(2, 'Q').catch(() => 'dropped');
  let idle = false;
  const idlePromise = queue.whenIdle().then(() => (idle = true));
  await Promise.resolve();
  expect(idle).toBe(false);
  queue.clearQueueForHandler(2);
  queue.clearQueueForHandler(1);
  await queue.clearTransactionIfNeeded(1);
  await idlePromise;
  expect(await waiting).toBe('dropped');
});

/**
 * Conformance cases of availability: health of a live source, and a source that is down —
 * refusing connections (port 9) or accepting them and never answering — where every
 * operation fails with a `SourceUnavailableError` naming the system (never the values)
 * within the connect timeout; nothing hangs.
 */
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import type { SourceConnector } from '../../src/sources/connector';
import { SourceUnavailableError } from '../../src/sources/connector';
import type { ConformanceContext } from './connector-conformance';
import { lookupRequest } from './connector-conformance';
import { DOWN_SYSTEM } from './connector-factory';

const CONNECT_TIMEOUT_MS = 1500;
/** Generous against a slow CI machine, far below "hangs". */
const ANSWER_WITHIN_MS = CONNECT_TIMEOUT_MS + 3000;

/** A TCP server that accepts connections and never says a word. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function describeAvailabilityCases(context: ConformanceContext): void {
  const { people } = context;
  const calls: [string, (c: SourceConnector) => Promise<unknown>][] = [
    ['lookup', (c) => c.lookup(lookupRequest(people, 'email', 'email', ['secret@example.com']))],
    ['describe', (c) => c.describe([people])],
    ['transaction', (c) => c.transaction((tx) => tx.delete(people, [{ id: 1 }]))],
  ];

  it('reports a live source healthy', async () => {
    const health = await context.target().connector.health();
    expect(health).toMatchObject({ ok: true });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  describe.each([
    ['refusing connections', false],
    ['accepting connections and never answering', true],
  ])('a source %s', (_how, silent) => {
    let down: SourceConnector;
    let server: { port: number; close(): Promise<void> } | undefined;
    beforeAll(async () => {
      server = silent ? await silentServer() : undefined;
      down = context.factory.unreachable(CONNECT_TIMEOUT_MS, server?.port ?? 9);
    });
    afterAll(async () => {
      await down?.close();
      await server?.close();
    });

    it('is reported unhealthy, in time', async () => {
      const started = Date.now();
      const health = await down.health();
      expect(health.ok).toBe(false);
      expect(health.error).toEqual(expect.any(String));
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    });

    it.each(calls)('fails %s in time, naming the system', async (_name, call) => {
      const started = Date.now();
      const error = await call(down).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect((error as SourceUnavailableError).system).toBe(DOWN_SYSTEM);
      expect((error as Error).message).toContain(DOWN_SYSTEM);
      expect((error as Error).message).not.toContain('secret@example.com');
    });
  });
}

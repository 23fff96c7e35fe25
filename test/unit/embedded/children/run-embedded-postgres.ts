/**
 * Child process for start-embedded-postgres.test.ts: PGlite cannot load inside a Jest test
 * file, so the server runs here and the test talks to it over TCP like any client would.
 * argv[2]: data directory, or "-" for in memory. IPC: reports `ready`, obeys `stop`.
 */
import { startEmbeddedPostgres } from '../../../../src/server/embedded/start-embedded-postgres';

async function main(): Promise<void> {
  const arg = process.argv[2];
  const send = (message: object): void => void process.send?.(message);
  const startedAt = performance.now();
  const pg = await startEmbeddedPostgres({
    dataDir: arg === undefined || arg === '-' ? null : arg,
    port: 0,
  });
  send({
    event: 'ready',
    url: pg.url,
    port: pg.port,
    startMs: Math.round(performance.now() - startedAt),
  });
  process.on('message', (command) => {
    if (command !== 'stop') return;
    const stoppingAt = performance.now();
    void pg.stop().then(() => {
      send({ event: 'stopped', stopMs: Math.round(performance.now() - stoppingAt) });
      process.disconnect();
    });
  });
}

main().catch((error: unknown) => {
  process.send?.({ event: 'error', message: String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});

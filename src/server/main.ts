/**
 * `npm start`: the gateway process. Prints where it listens and a first query to paste;
 * stops cleanly on SIGINT/SIGTERM (the embedded database must be closed, not killed).
 */
import 'reflect-metadata';
import { readConfig } from './config';
import type { RunningGateway } from './start-gateway';
import { startGateway } from './start-gateway';
import { welcomeBanner } from './welcome-banner';

/** A shutdown that has not finished by then is stuck; exit rather than hang forever. */
const SHUTDOWN_DEADLINE_MS = 20_000;

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[privgraph] ${line}`);
  const config = readConfig();
  const state: { gateway?: RunningGateway; signalled?: string } = {};
  const shutdown = (signal: string) => {
    if (state.signalled) return;
    state.signalled = signal;
    // A signal during start-up is honoured once the start finishes (so the embedded
    // database is never killed half-open).
    if (state.gateway) stopAndExit(state.gateway, signal, log);
  };
  // Installed before anything starts: a signal must never kill the embedded database.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const gateway = await startGateway(config, log);
  state.gateway = gateway;
  if (state.signalled) return stopAndExit(gateway, state.signalled, log);
  console.log(welcomeBanner(gateway));
}

function stopAndExit(gateway: RunningGateway, signal: string, log: (line: string) => void): void {
  log(`${signal}: shutting down`);
  setTimeout(() => {
    log('shutdown did not finish in time; exiting');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  gateway.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

main().catch((error: unknown) => {
  console.error(
    `[privgraph] could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

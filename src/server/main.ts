/**
 * `npm start`: the gateway process. Prints where it listens and a first query to paste;
 * stops cleanly on SIGINT/SIGTERM (the embedded database must be closed, not killed).
 */
import 'reflect-metadata';
import { readConfig } from './config';
import { startGateway } from './start-gateway';
import { welcomeBanner } from './welcome-banner';

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[privgraph] ${line}`);
  const config = readConfig();
  const gateway = await startGateway(config, log);
  console.log(welcomeBanner(gateway));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`[privgraph] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

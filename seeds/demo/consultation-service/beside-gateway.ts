/**
 * `npm start` with the demo map — or a map generated from it, such as its MariaDB variant:
 * any map that reads `${SUPPORT_SERVICE_URL}` — starts the consultation service beside
 * the gateway, on its own port (4010, or a free one when that is taken), before the map is
 * read, and points `${SUPPORT_SERVICE_URL}` and `${SUPPORT_SERVICE_TOKEN}` at it (restored
 * on stop, so a later start in the same process starts its own). Not started when
 * SUPPORT_SERVICE_URL already names a service, or without a demo database.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RunningConsultationService } from './consultation-service';
import { startConsultationService } from './consultation-service';

export const DEMO_SUPPORT_PORT = 4010;
const SERVICE_VARIABLE = '${SUPPORT_SERVICE_URL';

export async function startDemoConsultationService(
  mapFile: string,
  env: NodeJS.ProcessEnv,
): Promise<RunningConsultationService | undefined> {
  const databaseUrl = env.PRIVGRAPH_DEMO_DATABASE_URL;
  if (env.SUPPORT_SERVICE_URL || !databaseUrl || !readsServiceUrl(mapFile)) return undefined;
  const givenToken = env.SUPPORT_SERVICE_TOKEN;
  // A fresh secret per start: the service answers the gateway, not any local process.
  const authorization = givenToken || `Bearer ${randomBytes(24).toString('base64url')}`;
  const start = (port: number) => startConsultationService({ databaseUrl, port, authorization });
  const service = await start(DEMO_SUPPORT_PORT).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') return start(0);
    throw error;
  });
  env.SUPPORT_SERVICE_URL = service.url;
  env.SUPPORT_SERVICE_TOKEN = authorization;
  return {
    url: service.url,
    port: service.port,
    async stop() {
      await service.stop();
      delete env.SUPPORT_SERVICE_URL;
      if (givenToken === undefined) delete env.SUPPORT_SERVICE_TOKEN;
      else env.SUPPORT_SERVICE_TOKEN = givenToken;
    },
  };
}

function readsServiceUrl(mapFile: string): boolean {
  try {
    return readFileSync(mapFile, 'utf8').includes(SERVICE_VARIABLE);
  } catch {
    return false; // the gateway reports an unreadable map itself
  }
}

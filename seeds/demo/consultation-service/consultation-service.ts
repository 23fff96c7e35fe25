/**
 * The demo's customer-service consultation system (issue #4 item 5): a small, real HTTP
 * service with its own storage — the `support` schema, seeded from the generator's
 * `support.consultations` rows like every other demo system, so the ground truth holds —
 * which the gateway reaches only through the endpoints the demo map declares. Listens on
 * loopback only. The API is `resource-api.ts`; `startResourceService` serves any tables
 * the same way (the connector conformance suite serves its fixture with it).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { handleRequest } from './resource-api';
import type { ResourceSpec } from './resource-spec';
import { CONSULTATIONS } from './resource-spec';
import { ResourceStore } from './resource-store';

export interface ConsultationServiceOptions {
  /** The demo database whose `support` schema holds the consultations. */
  readonly databaseUrl: string;
  /** 0 (default): a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The exact `authorization` header to require (e.g. `Bearer …`). */
  readonly authorization?: string;
  /** Rows per page. Large by default, so a lookup for many people is still one call. */
  readonly pageSize?: number;
}

export interface RunningConsultationService {
  readonly url: string;
  readonly port: number;
  /** Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_PAGE_SIZE = 1000;

export function startConsultationService(
  options: ConsultationServiceOptions,
): Promise<RunningConsultationService> {
  return startResourceService({ ...options, resources: [CONSULTATIONS] });
}

export async function startResourceService(
  options: ConsultationServiceOptions & { readonly resources: readonly ResourceSpec[] },
): Promise<RunningConsultationService> {
  // Two connections: the embedded PGlite serves one at a time anyway.
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  const api = {
    resources: new Map(options.resources.map((spec) => [spec.name, new ResourceStore(pool, spec)])),
    ping: async () => void (await pool.query('SELECT 1')),
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(options.authorization ? { authorization: options.authorization } : {}),
  };
  const server = createServer((req, res) => void handleRequest(api, req, res));
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections would hold `close` open until they time out.
        server.closeAllConnections();
        await closed;
        await pool.end();
      })();
      return stopped;
    },
  };
}

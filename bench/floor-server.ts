/**
 * The floor (SPEC §9): the fastest a Node service can answer the benchmark's subject lookup
 * over these sources — plain `node:http`, one `pg` pool per source like the gateway, the
 * gateway's SQL written by hand (floor-sql.ts), no GraphQL, no policy, no audit. Run as a
 * child process by `npm run bench`; it takes the database from `BENCH_DATABASE_URL`, and
 * the demo's consultation service, when it is one, from `SUPPORT_SERVICE_URL` and
 * `SUPPORT_SERVICE_TOKEN` (as the gateway does).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, types } from 'pg';
import type { FloorSystem } from './floor-sql';
import { floorResponse } from './floor-response';
import type { FloorSources } from './floor-read';
import { findPerson } from './floor-traversal';
import { countStatements, reportFailure, serveOrchestrator } from './target-ipc';

const SYSTEMS: readonly FloorSystem[] = [
  'accounts',
  'workspace',
  'support',
  'analytics',
  'security',
  'tracking',
  'compliance',
];
const DATE_OID = 1082;

/** The gateway's connector reads `date` as `YYYY-MM-DD` text; so must the floor, or the two
 * answers differ (and a Date object costs more to make and to serialise). */
const floorTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === DATE_OID) return (value) => value;
    return types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

async function main(): Promise<void> {
  countStatements();
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set');
  const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 4);
  const pools = new Map(
    SYSTEMS.map((system) => {
      const pool = new Pool({ connectionString: url, max: poolSize, types: floorTypes });
      pool.on('error', () => undefined); // as the gateway: an idle client's error is not fatal
      return [system, pool];
    }),
  );
  const services = new Map<FloorSystem, { url: string; authorization?: string }>();
  if (process.env.SUPPORT_SERVICE_URL) {
    const authorization = process.env.SUPPORT_SERVICE_TOKEN;
    services.set('support', {
      url: process.env.SUPPORT_SERVICE_URL,
      ...(authorization ? { authorization } : {}),
    });
  }
  const sources: FloorSources = { pools, services };
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, '{}');
    readJson(req)
      .then(async (body) => {
        const phone = (body as { variables?: { phone?: unknown } }).variables?.phone;
        if (typeof phone !== 'string') return send(res, 400, '{"errors":[{"message":"phone"}]}');
        send(res, 200, JSON.stringify(floorResponse(await findPerson(sources, phone))));
      })
      .catch((error: Error) =>
        send(res, 500, JSON.stringify({ errors: [{ message: error.message }] })),
      );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  serveOrchestrator(`http://127.0.0.1:${port}/graphql`, async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await Promise.all([...pools.values()].map((pool) => pool.end()));
  });
}

main().catch(reportFailure);

/**
 * A small HTTP front for Apollo Server (its `executeHTTPGraphQLRequest` is the integration
 * point every framework adapter uses): `/graphql`, `/healthz` (the process is up) and
 * `/readyz` (the store and every source answer), and `/requests/<id>/package` (an access
 * request's export, `package-download.ts`). Plain `node:http` keeps the hot path short.
 * With `authenticate`, `/graphql` answers only requests with a valid bearer token.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import type { AuthResult, Principal } from '../access/authentication';
import { authenticationFailureResponse, requiresAuthentication } from '../access/authentication';
import type { Policy } from '../core/policy/model';
import type { RequestsRuntime } from '../requests';
import type { GatewayApp } from './gateway-app';
import { packageRequestId, servePackageDownload } from './package-download';

export interface Readiness {
  check(): Promise<{ ready: boolean; checks: Record<string, { ok: boolean; error?: string }> }>;
}

/** Authenticates a request from its `Authorization` header (src/access/authentication). */
export type Authenticate = (authorizationHeader: string | undefined) => Promise<AuthResult>;

const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  readonly port: number;
  readonly host: string;
  readonly readiness: Readiness;
  readonly authenticate?: Authenticate;
  /** The rights-request service and the policy deciding who may download an export;
   * without it `/requests/<id>/package` answers 404. */
  readonly requests?: { readonly runtime: RequestsRuntime; readonly policy: Policy };
}

export async function startHttpServer(
  app: GatewayApp,
  options: HttpServerOptions,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(app, options, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        '{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}',
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  app: GatewayApp,
  options: HttpServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/readyz') {
    const result = await options.readiness.check();
    return sendJson(res, result.ready ? 200 : 503, result);
  }
  const packageOf = packageRequestId(url.pathname);
  if (packageOf) return servePackageDownload(packageOf, options, req, res);
  if (url.pathname !== '/graphql')
    return sendJson(res, 404, {
      error: 'not found: use /graphql, /healthz, /readyz or /requests/<id>/package',
    });

  // Authentication (SPEC §4.1) comes first: a refused request is answered before its body is
  // read or anything reaches Apollo, so nothing is parsed, executed, or read from a source.
  let principal: Principal | undefined;
  if (options.authenticate && requiresAuthentication(req.method ?? 'GET', url.searchParams)) {
    const auth = await options.authenticate(req.headers.authorization);
    if (!auth.ok) {
      const refusal = authenticationFailureResponse(auth, req.headers.authorization !== undefined);
      res.writeHead(refusal.status, refusal.headers);
      res.end(refusal.body);
      return;
    }
    principal = auth.principal;
  }

  const body = req.method === 'POST' ? await readBody(req) : undefined;
  if (body === null)
    return sendJson(res, 413, {
      errors: [{ message: 'request body too large', extensions: { code: 'BAD_REQUEST' } }],
    });
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let parsed: unknown = body;
  if (body !== undefined && (headers.get('content-type') ?? '').includes('application/json')) {
    try {
      parsed = body.length > 0 ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, {
        errors: [
          { message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
    }
  }
  const response = await app.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
    context: async () => app.createContext(principal),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  // Personal data: no proxy or browser may keep a copy (Apollo's cache-control plugin, which
  // said so before, is off: gateway-app.ts).
  res.setHeader('cache-control', 'no-store');
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * `GET /requests/<id>/package`: a completed access request's export (SPEC §6 "downloadable
 * by the DPO"; issue #5 item 4 "downloadable over HTTP by an authorised role"). Authenticated
 * like `/graphql`, then only for a role that `may: request.export` — the package is
 * everything about a person, so recording a request (`request.create`) is not enough. The
 * service unseals it, checks its hash and records the download; the body is never logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthResult, Principal } from '../access/authentication';
import { authenticationFailureResponse } from '../access/authentication';
import type { Policy } from '../core/policy/model';
import { roleMay } from '../core/policy/model';
import type { RequestErrorCode, RequestsRuntime } from '../requests';
import { RequestError, downloadPackage } from '../requests';

export interface PackageDownloadOptions {
  /** http-server.ts's `Authenticate`: the same check as `/graphql`. */
  readonly authenticate?: (authorizationHeader: string | undefined) => Promise<AuthResult>;
  readonly requests?: { readonly runtime: RequestsRuntime; readonly policy: Policy };
}

const PATH =
  /^\/requests\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/package$/i;

/** The request id when `pathname` is a package download, else undefined. */
export function packageRequestId(pathname: string): string | undefined {
  return PATH.exec(pathname)?.[1]?.toLowerCase();
}

const STATUS: Readonly<Record<RequestErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export async function servePackageDownload(
  requestId: string,
  options: PackageDownloadOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    return refuse(res, 405, 'BAD_REQUEST', 'use GET to download an export package');
  }
  const principal = await authenticated(options, req, res);
  if (!principal) return;
  const requests = options.requests;
  if (!requests) return refuse(res, 404, 'NOT_FOUND', 'this gateway serves no rights requests');
  if (!roleMay(requests.policy, principal.role, 'request.export'))
    return refuse(
      res,
      403,
      'FORBIDDEN',
      'Downloading an export package needs the "request.export" capability, which your role does not have.',
    );
  try {
    const found = await downloadPackage(
      requests.runtime,
      { subject: principal.subject, role: principal.role },
      requestId,
    );
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': found.json.length,
      'content-disposition': `attachment; filename="${found.fileName}"`,
      'x-content-sha256': found.contentHash,
      // personal data: no shared cache may keep a copy
      'cache-control': 'no-store',
    });
    res.end(found.json);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    refuse(res, STATUS[error.code], error.code, error.message);
  }
}

/** The caller, or undefined once the refusal is written: like `/graphql` (RFC 6750). */
async function authenticated(
  options: PackageDownloadOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Principal | undefined> {
  const header = req.headers.authorization;
  const auth = options.authenticate
    ? await options.authenticate(header)
    : ({
        ok: false,
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'this gateway authenticates nobody, so it serves no export packages',
      } as const);
  if (auth.ok) return auth.principal;
  const refusal = authenticationFailureResponse(auth, header !== undefined);
  res.writeHead(refusal.status, refusal.headers);
  res.end(refusal.body);
  return undefined;
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * The HTTP side of authentication, as plain data the server writes: which requests must
 * authenticate, and the response that refuses one.
 */
import type { AuthFailure } from './auth-result';

/**
 * Everything on the GraphQL endpoint authenticates, except a bare `GET` (no query string),
 * which can only return Apollo's landing page or a "no query" error: it executes nothing.
 * A `GET` carrying `?query=` is an operation like any other and is authenticated.
 */
export function requiresAuthentication(method: string, search: URLSearchParams): boolean {
  return !(method === 'GET' && search.size === 0);
}

export interface AuthenticationFailureResponse {
  readonly status: 401 | 403;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A GraphQL-shaped body (GraphQL over HTTP: a request error has `errors` and no `data`),
 * and on 401 the challenge RFC 6750 §3 asks for. The error code tells a missing token
 * (no `error` attribute, §3.1) from a bad one (`invalid_token`).
 */
export function authenticationFailureResponse(
  failure: AuthFailure,
  tokenPresented: boolean,
): AuthenticationFailureResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (failure.status === 401)
    headers['www-authenticate'] = tokenPresented
      ? 'Bearer realm="privgraph", error="invalid_token"'
      : 'Bearer realm="privgraph"';
  return {
    status: failure.status,
    headers,
    body: JSON.stringify({
      errors: [{ message: failure.message, extensions: { code: failure.code } }],
    }),
  };
}

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1). Only the header
 * form: a token in a query string or a form body (RFC 6750 §2.2–2.3) ends up in logs and
 * browser history, so it is not accepted.
 */
import type { AuthFailure } from './auth-result';
import { unauthenticated } from './auth-result';

/** Far above any real JWT; a bigger header is refused before any parsing or crypto. */
const MAX_TOKEN_LENGTH = 8192;

/** RFC 6750 §2.1 b64token, which a compact JWS (three base64url parts) always satisfies. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function extractBearerToken(
  header: string | undefined,
): { readonly ok: true; readonly token: string } | AuthFailure {
  if (header === undefined || header.trim() === '')
    return unauthenticated(
      'Authentication required: send an `Authorization: Bearer <token>` header.',
    );
  const match = /^(\S+)[ ]+(\S+)[ ]*$/.exec(header);
  // The scheme is case-insensitive (RFC 9110 §11.1); nothing else is.
  if (!match || match[1]?.toLowerCase() !== 'bearer')
    return unauthenticated('The Authorization header must be `Bearer <token>` (RFC 6750).');
  const token = match[2] ?? '';
  if (token.length > MAX_TOKEN_LENGTH || !B64TOKEN.test(token))
    return unauthenticated('The bearer token is not a well-formed JWT.');
  return { ok: true, token };
}

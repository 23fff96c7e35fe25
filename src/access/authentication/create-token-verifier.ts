/**
 * Bearer JWT authentication (SPEC §4.1): a compact JWS (RFC 7519 §7.2) verified with the
 * deployment's key and its one pinned algorithm, then its claims:
 *
 * - `exp` is required (RFC 8725 §3.10 leaves lifetime to the application; a token that never
 *   expires is a leaked credential forever), `nbf` honoured (RFC 7519 §4.1.5);
 * - `iss` and `aud` are checked whenever the deployment sets them (RFC 8725 §3.8–3.9: a token
 *   from another issuer, or minted for another service, must not be replayed here);
 * - `sub` names the caller, the role claim names exactly one role of the policy.
 *
 * `alg: none` and HS256-with-the-public-key tokens fail the algorithm pin, before any
 * signature is computed. Failures are values: 401 for no usable token, 403 for a valid token
 * without a valid role.
 *
 * An internal app sends the same token with every request until it expires, so a token
 * that verified is remembered (by its exact text) for at most `VERIFIED_TOKEN_TTL_MS` and
 * never past its `exp`: the signature and claims are checked once a minute per token, not
 * once per request. The price: a key removed from a JWKS stops admitting a token it signed
 * up to a minute late. Failures are never remembered (a flood of bad tokens must not fill
 * the cache), and the cache holds at most `VERIFIED_TOKEN_LIMIT` tokens.
 */
import type { JWTVerifyOptions, JWTVerifyResult } from 'jose';
import { jwtVerify } from 'jose';
import type { AuthResult } from './auth-result';
import { extractBearerToken } from './bearer-token';
import { explainTokenError } from './explain-token-error';
import type { HasJwtKey, JwtKeyMaterial } from './jwt-key-material';
import { principalFromClaims } from './principal-from-claims';

export interface TokenVerifierOptions {
  /** Expected `iss`; when set, a token without it or with another is refused. */
  readonly issuer?: string;
  /** Expected `aud` (one of the token's audiences); when set, enforced likewise. */
  readonly audience?: string;
  /** The claim naming the caller's role (a top-level claim name, used verbatim). */
  readonly roleClaim: string;
  /** The policy's roles: a token naming any other role is 403. */
  readonly knownRoles: ReadonlySet<string>;
  /** Clock skew allowed on `exp` and `nbf` (RFC 7519 §4.1.4 "small leeway"). Default 30 s. */
  readonly clockToleranceSec?: number;
  /** The verification instant; tests pin it. Default: the current time. */
  readonly now?: () => Date;
}

export interface TokenVerifier {
  /** Authenticates one request from its `Authorization` header. Never throws. */
  readonly verify: (authorizationHeader: string | undefined) => Promise<AuthResult>;
}

const DEFAULT_CLOCK_TOLERANCE_SEC = 30;
export const VERIFIED_TOKEN_TTL_MS = 60_000;
export const VERIFIED_TOKEN_LIMIT = 4096;

interface Remembered {
  readonly result: AuthResult;
  readonly until: number;
}

export function createTokenVerifier(keys: HasJwtKey, options: TokenVerifierOptions): TokenVerifier {
  const key = keys.jwt;
  const base: JWTVerifyOptions = {
    algorithms: [key.algorithm],
    requiredClaims: ['exp', 'sub'],
    clockTolerance: options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC,
    ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
    ...(options.audience !== undefined ? { audience: options.audience } : {}),
  };
  const remembered = new Map<string, Remembered>();
  return {
    verify: async (authorizationHeader) => {
      const bearer = extractBearerToken(authorizationHeader);
      if (!bearer.ok) return bearer;
      const now = options.now ? options.now() : new Date();
      const known = remembered.get(bearer.token);
      if (known && known.until > now.getTime()) return known.result;
      if (known) remembered.delete(bearer.token);
      const verifyOptions = options.now ? { ...base, currentDate: now } : base;
      let verified: JWTVerifyResult;
      try {
        verified = await verifyWith(key, bearer.token, verifyOptions);
      } catch (error) {
        return explainTokenError(error, key.algorithm);
      }
      const result = principalFromClaims(verified.payload, options.roleClaim, options.knownRoles);
      if (result.ok) remember(remembered, bearer.token, result, now.getTime());
      return result;
    },
  };
}

/** Until the earlier of its expiry and a minute from now; the oldest entry makes room. */
function remember(
  remembered: Map<string, Remembered>,
  token: string,
  result: AuthResult & { ok: true },
  now: number,
): void {
  const until = Math.min(result.principal.expiresAt.getTime(), now + VERIFIED_TOKEN_TTL_MS);
  if (remembered.size >= VERIFIED_TOKEN_LIMIT) {
    const oldest = remembered.keys().next();
    if (!oldest.done) remembered.delete(oldest.value);
  }
  remembered.set(token, { result, until });
}

function verifyWith(
  key: JwtKeyMaterial,
  token: string,
  options: JWTVerifyOptions,
): Promise<JWTVerifyResult> {
  switch (key.kind) {
    case 'secret':
      return jwtVerify(token, key.secret, options);
    case 'public-key':
      return jwtVerify(token, key.key, options);
    case 'jwks':
      return jwtVerify(token, key.getKey, options);
  }
}

/**
 * What authenticating a request yields: the principal, or a refusal the HTTP edge turns into
 * a status and a GraphQL-shaped error. A value, never a throw (STYLE.md principle 2).
 */

/** Who is calling: the token's subject and the one policy role it acts as. */
export interface Principal {
  /** The token's `sub` (RFC 7519 §4.1.2): the calling app or person, for the audit trail. */
  readonly subject: string;
  readonly role: string;
  /** The token's `jti` (RFC 7519 §4.1.7), when it has one. */
  readonly tokenId?: string;
  readonly expiresAt: Date;
}

export type AuthFailure =
  /** No usable credentials: the caller must authenticate (again). */
  | {
      readonly ok: false;
      readonly status: 401;
      readonly code: 'UNAUTHENTICATED';
      readonly message: string;
    }
  /** A genuine token that grants no role of this policy. */
  | {
      readonly ok: false;
      readonly status: 403;
      readonly code: 'FORBIDDEN';
      readonly message: string;
    };

export type AuthResult = { readonly ok: true; readonly principal: Principal } | AuthFailure;

export function unauthenticated(message: string): AuthFailure {
  return { ok: false, status: 401, code: 'UNAUTHENTICATED', message };
}

export function forbidden(message: string): AuthFailure {
  return { ok: false, status: 403, code: 'FORBIDDEN', message };
}

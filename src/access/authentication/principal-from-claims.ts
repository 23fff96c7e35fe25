/**
 * The principal of a token whose signature and time/issuer/audience claims have verified.
 * A genuine token without a usable role is 403, not 401: authenticating again with the same
 * identity would not help (RFC 9110 §15.5.4).
 */
import type { JWTPayload } from 'jose';
import type { AuthResult } from './auth-result';
import { forbidden, unauthenticated } from './auth-result';

/** A role name is shown back to the caller; an absurd one is cut, never echoed whole. */
const MAX_SHOWN_ROLE_LENGTH = 64;

export function principalFromClaims(
  payload: JWTPayload,
  roleClaim: string,
  knownRoles: ReadonlySet<string>,
): AuthResult {
  if (typeof payload.sub !== 'string' || payload.sub === '')
    return unauthenticated('The token has no subject (sub), which this deployment requires.');
  // `exp` is required and checked by jose before we get here; this is only its type.
  if (typeof payload.exp !== 'number') return unauthenticated('The token has no expiry (exp).');
  const role = payload[roleClaim];
  if (role === undefined)
    return forbidden(`The token carries no "${roleClaim}" claim naming a role of this policy.`);
  // Exactly one role per token: a list would make "which rules apply" ambiguous, and the
  // decision function (SPEC §4.3) is defined for one role.
  if (typeof role !== 'string')
    return forbidden(`The token's "${roleClaim}" claim must be a string naming exactly one role.`);
  // Compared exactly, like purposes (SPEC §4.2): no case folding, no trimming.
  if (!knownRoles.has(role))
    return forbidden(`The role "${shown(role)}" is not a role of this deployment's policy.`);
  return {
    ok: true,
    principal: {
      subject: payload.sub,
      role,
      ...(typeof payload.jti === 'string' ? { tokenId: payload.jti } : {}),
      expiresAt: new Date(payload.exp * 1000),
    },
  };
}

function shown(role: string): string {
  const printable = role.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > MAX_SHOWN_ROLE_LENGTH
    ? `${printable.slice(0, MAX_SHOWN_ROLE_LENGTH)}…`
    : printable;
}

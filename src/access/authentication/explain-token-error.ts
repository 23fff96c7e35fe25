/**
 * Why `jose` refused a token, in words a client developer can act on. The message names the
 * failed check, never the token or a claim's value (those may be personal data or the
 * token itself, and errors end up in logs). Anything unrecognised is still a refusal: the
 * verifier fails closed.
 */
import { errors } from 'jose';
import type { AuthFailure } from './auth-result';
import { unauthenticated } from './auth-result';

const CLAIM_NAMES: Readonly<Record<string, string>> = {
  exp: 'expiry (exp)',
  nbf: 'not-before time (nbf)',
  iss: 'issuer (iss)',
  aud: 'audience (aud)',
  sub: 'subject (sub)',
  iat: 'issued-at time (iat)',
};

export function explainTokenError(error: unknown, expectedAlgorithm: string): AuthFailure {
  if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) return explainClaim(error);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return unauthenticated(
      `The token's algorithm is not accepted here: this deployment accepts ${expectedAlgorithm} only.`,
    );
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return unauthenticated("The token's signature does not verify with this deployment's key.");
  if (error instanceof errors.JWKSNoMatchingKey)
    return unauthenticated("No key of this deployment matches the token's key id (kid).");
  if (error instanceof errors.JWKSMultipleMatchingKeys)
    return unauthenticated(
      'The token has no key id (kid) and several keys of this deployment could verify it.',
    );
  if (error instanceof errors.JWKSTimeout)
    return unauthenticated("The identity provider's keys could not be fetched; try again.");
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return unauthenticated('The bearer token is not a well-formed JWT.');
  return unauthenticated('The token could not be verified.');
}

function explainClaim(error: InstanceType<typeof errors.JWTClaimValidationFailed>): AuthFailure {
  const claim = CLAIM_NAMES[error.claim] ?? `"${error.claim}" claim`;
  if (error.reason === 'missing')
    return unauthenticated(
      error.claim === 'exp'
        ? 'The token has no expiry (exp); tokens without one are refused.'
        : `The token has no ${claim}, which this deployment requires.`,
    );
  if (error.claim === 'nbf') return unauthenticated('The token is not valid yet (nbf).');
  if (error.claim === 'iss')
    return unauthenticated('The token was not issued by the issuer this deployment trusts (iss).');
  if (error.claim === 'aud')
    return unauthenticated('The token is not meant for this gateway (aud).');
  return unauthenticated(`The token's ${claim} is not valid.`);
}

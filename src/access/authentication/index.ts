/**
 * Authentication (SPEC §4.1): bearer JWTs verified against the deployment's key with a
 * pinned algorithm, yielding a principal (subject + one policy role) or a 401/403 refusal.
 */
export type { AuthFailure, AuthResult, Principal } from './auth-result';
export type { AuthenticationFailureResponse } from './authentication-failure-response';
export {
  authenticationFailureResponse,
  requiresAuthentication,
} from './authentication-failure-response';
export type { TokenVerifier, TokenVerifierOptions } from './create-token-verifier';
export { createTokenVerifier } from './create-token-verifier';
export type {
  AsymmetricJwtAlgorithm,
  HasJwtKey,
  JwtAlgorithm,
  JwtKeyMaterial,
} from './jwt-key-material';
export { ASYMMETRIC_JWT_ALGORITHMS, JWT_ALGORITHMS } from './jwt-key-material';
export type { MintTokenOptions } from './mint-token';
export { mintToken, TokenMintingUnavailableError } from './mint-token';

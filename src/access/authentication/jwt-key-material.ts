/**
 * The key a deployment verifies bearer tokens with, and the one algorithm it accepts with it.
 *
 * The algorithm is part of the key, not of the token: RFC 8725 §3.1 ("perform algorithm
 * verification") and §2.1 (the `alg: none` and RS256→HS256 "algorithm confusion" attacks)
 * say a verifier must accept only the algorithm it expects for a key, never the one a token
 * names. So a secret is always HS256, and a public key or a JWKS is always the single
 * asymmetric algorithm the deployment configured.
 */
import type { JWTVerifyGetKey, KeyLike } from 'jose';

/** Asymmetric JWS algorithms (RFC 7518 §3.1, RFC 8037) an identity provider may sign with. */
export const ASYMMETRIC_JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

export type AsymmetricJwtAlgorithm = (typeof ASYMMETRIC_JWT_ALGORITHMS)[number];

/** Every algorithm a deployment may pin; HS256 only with a shared secret. */
export const JWT_ALGORITHMS = ['HS256', ...ASYMMETRIC_JWT_ALGORITHMS] as const;

export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

interface KeyOrigin {
  /** Where the key came from (a variable name, a file), for logs; never the key itself. */
  readonly origin: string;
}

export type JwtKeyMaterial =
  | (KeyOrigin & {
      readonly kind: 'secret';
      readonly algorithm: 'HS256';
      readonly secret: Uint8Array;
    })
  | (KeyOrigin & {
      readonly kind: 'public-key';
      readonly algorithm: AsymmetricJwtAlgorithm;
      readonly key: KeyLike;
    })
  | (KeyOrigin & {
      readonly kind: 'jwks';
      readonly algorithm: AsymmetricJwtAlgorithm;
      /** Resolves the key by the token's `kid` (RFC 7515 §4.1.4), so keys can rotate. */
      readonly getKey: JWTVerifyGetKey;
    });

/** Anything that carries the deployment's token key (the server's `DeploymentKeys` does). */
export interface HasJwtKey {
  readonly jwt: JwtKeyMaterial;
}

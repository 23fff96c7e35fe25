/**
 * Start-up checks that a configured public key or JWK fits the pinned algorithm. `jose`
 * imports an RSA key "for ES256" without complaint and only fails at the first request;
 * checking here turns a confusing 401 for every caller into one clear start-up error.
 */
import { KeyObject } from 'node:crypto';
import type { JWK, KeyLike } from 'jose';
import type { AsymmetricJwtAlgorithm } from '../../access/authentication';

/** RFC 7518 §3.3: RSA keys of 2048 bits or more. */
const MIN_RSA_BITS = 2048;

const CURVES: Readonly<Record<string, { node: string; jwk: string }>> = {
  ES256: { node: 'prime256v1', jwk: 'P-256' },
  ES384: { node: 'secp384r1', jwk: 'P-384' },
  ES512: { node: 'secp521r1', jwk: 'P-521' },
};

/** Why `key` cannot verify `algorithm` tokens, or null when it can. */
export function keyMismatch(key: KeyLike, algorithm: AsymmetricJwtAlgorithm): string | null {
  if (!(key instanceof KeyObject) || key.type !== 'public') return 'it is not a public key';
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  if (algorithm.startsWith('RS') || algorithm.startsWith('PS')) {
    if (type !== 'rsa' && !(type === 'rsa-pss' && algorithm.startsWith('PS')))
      return `${algorithm} needs an RSA key, this is ${type ?? 'unknown'}`;
    if ((details.modulusLength ?? 0) < MIN_RSA_BITS)
      return `RSA keys must have at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3)`;
    return null;
  }
  if (algorithm === 'EdDSA')
    return type === 'ed25519' || type === 'ed448'
      ? null
      : `EdDSA needs an Ed25519 or Ed448 key, this is ${type ?? 'unknown'}`;
  const curve = CURVES[algorithm];
  return type === 'ec' && details.namedCurve === curve?.node
    ? null
    : `${algorithm} needs an EC key on ${curve?.jwk ?? '?'}, this is ${type ?? 'unknown'} ${details.namedCurve ?? ''}`.trim();
}

/** Members that only a private or symmetric JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const SECRET_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'] as const;

export function jwkHoldsSecret(jwk: JWK): boolean {
  return SECRET_MEMBERS.some((member) => member in jwk) || jwk.kty === 'oct';
}

/** Whether a JWKS entry could verify `algorithm` tokens (jose selects the same way). */
export function jwkFitsAlgorithm(jwk: JWK, algorithm: AsymmetricJwtAlgorithm): boolean {
  if (jwk.alg !== undefined && jwk.alg !== algorithm) return false;
  if (jwk.use !== undefined && jwk.use !== 'sig') return false;
  if (algorithm.startsWith('RS') || algorithm.startsWith('PS')) return jwk.kty === 'RSA';
  if (algorithm === 'EdDSA') return jwk.kty === 'OKP';
  return jwk.kty === 'EC' && jwk.crv === CURVES[algorithm]?.jwk;
}

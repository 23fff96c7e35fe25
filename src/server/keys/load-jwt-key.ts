/**
 * The token verification key from configuration: exactly one of an HS256 secret, a PEM
 * public key, a local JWKS file, or a remote JWKS URL. The algorithm is pinned here, once,
 * from `PRIVGRAPH_JWT_ALGORITHM` (HS256 for a secret; RS256 by default for the others), so
 * no token can choose it (RFC 8725 §3.1).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JSONWebKeySet, JWK } from 'jose';
import { createLocalJWKSet, createRemoteJWKSet, importJWK, importSPKI } from 'jose';
import type { AsymmetricJwtAlgorithm, JwtKeyMaterial } from '../../access/authentication';
import type { GatewayConfig } from '../config';
import { jwkFitsAlgorithm, jwkHoldsSecret, keyMismatch } from './asymmetric-key-checks';
import { jwtSecretBytes, KeyConfigurationError } from './key-encodings';

export const JWT_KEY_VARIABLES = [
  'PRIVGRAPH_JWT_SECRET',
  'PRIVGRAPH_JWT_PUBLIC_KEY',
  'PRIVGRAPH_JWT_JWKS_FILE',
  'PRIVGRAPH_JWT_JWKS_URL',
] as const;

type JwtKeyVariable = (typeof JWT_KEY_VARIABLES)[number];

/** The configured key, or null when none of the four variables is set. */
export async function loadConfiguredJwtKey(config: GatewayConfig): Promise<JwtKeyMaterial | null> {
  const set = JWT_KEY_VARIABLES.filter((name) => nonEmpty(config[name]) !== undefined);
  if (set.length === 0) return null;
  if (set.length > 1)
    throw new KeyConfigurationError([
      `${set.join(' and ')} are ${set.length === 2 ? 'both' : 'all'} set; set exactly one token verification key`,
    ]);
  const variable = set[0] as JwtKeyVariable;
  const value = nonEmpty(config[variable]) as string;
  const pinned = config.PRIVGRAPH_JWT_ALGORITHM;
  if (variable === 'PRIVGRAPH_JWT_SECRET') {
    if (pinned !== undefined && pinned !== 'HS256')
      throw new KeyConfigurationError([
        `PRIVGRAPH_JWT_ALGORITHM=${pinned} needs a public key or a JWKS; a secret is HS256 only`,
      ]);
    return {
      kind: 'secret',
      algorithm: 'HS256',
      secret: jwtSecretBytes(value, variable),
      origin: variable,
    };
  }
  if (pinned === 'HS256')
    throw new KeyConfigurationError([
      `PRIVGRAPH_JWT_ALGORITHM=HS256 needs PRIVGRAPH_JWT_SECRET, not ${variable}`,
    ]);
  const algorithm: AsymmetricJwtAlgorithm = pinned ?? 'RS256';
  if (variable === 'PRIVGRAPH_JWT_PUBLIC_KEY') return publicKey(value, algorithm);
  if (variable === 'PRIVGRAPH_JWT_JWKS_FILE') return jwksFile(value, algorithm);
  return jwksUrl(value, algorithm, config.production);
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

async function publicKey(
  value: string,
  algorithm: AsymmetricJwtAlgorithm,
): Promise<JwtKeyMaterial> {
  const fail = (why: string) => new KeyConfigurationError([`PRIVGRAPH_JWT_PUBLIC_KEY ${why}`]);
  // A PEM in an environment variable often arrives with its newlines escaped.
  const pem = value.replace(/\\n/g, '\n').trim();
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw fail('is a private key; give the gateway the public key only (openssl pkey -pubout)');
  if (!pem.startsWith('-----BEGIN PUBLIC KEY-----'))
    throw fail('must be a PEM SPKI public key (-----BEGIN PUBLIC KEY-----)');
  const key = await importSPKI(pem, algorithm).catch((error: Error) => {
    throw fail(`is not a usable ${algorithm} public key: ${error.message}`);
  });
  const mismatch = keyMismatch(key, algorithm);
  if (mismatch) throw fail(`does not fit PRIVGRAPH_JWT_ALGORITHM=${algorithm}: ${mismatch}`);
  return { kind: 'public-key', algorithm, key, origin: `PRIVGRAPH_JWT_PUBLIC_KEY (${algorithm})` };
}

async function jwksFile(file: string, algorithm: AsymmetricJwtAlgorithm): Promise<JwtKeyMaterial> {
  const resolved = path.resolve(file);
  const fail = (why: string) =>
    new KeyConfigurationError([`PRIVGRAPH_JWT_JWKS_FILE ${resolved} ${why}`]);
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(await readFile(resolved, 'utf8')) as JSONWebKeySet;
  } catch (error) {
    throw fail(`cannot be read as JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(jwks?.keys))
    throw fail('is not a JWKS: it needs a "keys" array (RFC 7517 §5)');
  const keys = jwks.keys as JWK[];
  if (keys.some(jwkHoldsSecret))
    throw fail('holds a private or symmetric key; a JWKS here holds public keys only');
  const usable = keys.filter((jwk) => jwkFitsAlgorithm(jwk, algorithm));
  if (usable.length === 0) throw fail(`has no public key for ${algorithm}`);
  for (const jwk of usable) {
    const key = await importJWK(jwk, algorithm).catch((error: Error) => {
      throw fail(`has an unusable key ${jwk.kid ?? '(no kid)'}: ${error.message}`);
    });
    const mismatch = key instanceof Uint8Array ? 'it is symmetric' : keyMismatch(key, algorithm);
    if (mismatch) throw fail(`has an unusable key ${jwk.kid ?? '(no kid)'}: ${mismatch}`);
  }
  const kids = usable.map((jwk) => jwk.kid ?? '(no kid)').join(', ');
  return {
    kind: 'jwks',
    algorithm,
    getKey: createLocalJWKSet({ keys: usable }),
    origin: `PRIVGRAPH_JWT_JWKS_FILE ${resolved} (${algorithm}, keys: ${kids})`,
  };
}

function jwksUrl(
  value: string,
  algorithm: AsymmetricJwtAlgorithm,
  production: boolean,
): JwtKeyMaterial {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new KeyConfigurationError(['PRIVGRAPH_JWT_JWKS_URL is not a URL']);
  }
  // Keys fetched over plain HTTP can be swapped in transit, and with them every token.
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:'))
    throw new KeyConfigurationError([
      `PRIVGRAPH_JWT_JWKS_URL must be an https: URL${production ? ' in production' : ''}`,
    ]);
  return {
    kind: 'jwks',
    algorithm,
    // jose caches the set, refetches it for an unknown `kid` (rotation) at most every 30 s.
    getKey: createRemoteJWKSet(url),
    origin: `PRIVGRAPH_JWT_JWKS_URL ${url.origin}${url.pathname} (${algorithm})`,
  };
}

/**
 * Keys and token builders for the authentication tests: one HS256 secret, RSA key pairs
 * (a configured public key, and a two-key JWKS for rotation), and a signer whose every
 * claim and header can be bent to make one check fail at a time.
 */
import { randomBytes } from 'node:crypto';
import type { JWK, JWTPayload, KeyLike } from 'jose';
import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import type { JwtKeyMaterial } from '../../../../src/access/authentication';

/** The instant every test verifies at. */
export const NOW = new Date('2025-06-01T12:00:00Z');
export const NOW_SEC = Math.floor(NOW.getTime() / 1000);
export const ISSUER = 'https://idp.example.test';
export const AUDIENCE = 'privgraph';
export const ROLES: ReadonlySet<string> = new Set(['dpo', 'support-agent']);
export const SUBJECT = 'app:support-desk';

export interface TestKeys {
  readonly secret: Buffer;
  readonly otherSecret: Buffer;
  readonly rsa: { privateKey: KeyLike; publicKey: KeyLike; pem: string };
  readonly otherRsa: { privateKey: KeyLike };
  readonly ec: { privateKey: KeyLike };
  readonly jwks: { k1: KeyLike; k2: KeyLike; keys: JWK[] };
}

export async function makeTestKeys(): Promise<TestKeys> {
  const rsa = await generateKeyPair('RS256');
  const otherRsa = await generateKeyPair('RS256');
  const ec = await generateKeyPair('ES256');
  const k1 = await generateKeyPair('RS256');
  const k2 = await generateKeyPair('RS256');
  return {
    secret: randomBytes(32),
    otherSecret: randomBytes(32),
    rsa: { ...rsa, pem: await exportSPKI(rsa.publicKey) },
    otherRsa,
    ec,
    jwks: {
      k1: k1.privateKey,
      k2: k2.privateKey,
      keys: [
        { ...(await exportJWK(k1.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(k2.publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' },
      ],
    },
  };
}

export function secretMaterial(keys: TestKeys): JwtKeyMaterial {
  return { kind: 'secret', algorithm: 'HS256', secret: keys.secret, origin: 'test secret' };
}

export function publicKeyMaterial(keys: TestKeys): JwtKeyMaterial {
  return { kind: 'public-key', algorithm: 'RS256', key: keys.rsa.publicKey, origin: 'test key' };
}

export function jwksMaterial(keys: TestKeys): JwtKeyMaterial {
  return {
    kind: 'jwks',
    algorithm: 'RS256',
    getKey: createLocalJWKSet({ keys: keys.jwks.keys }),
    origin: 'test jwks',
  };
}

export interface TokenShape {
  /** Claims replacing (or, as `undefined`, removing) the valid defaults. */
  readonly claims?: Record<string, unknown>;
  readonly alg?: string;
  readonly kid?: string;
  readonly key?: KeyLike | Uint8Array;
}

/** A valid token for `support-agent` unless `shape` bends it. */
export async function signToken(signingKey: KeyLike | Uint8Array, shape: TokenShape = {}) {
  const claims: Record<string, unknown> = {
    sub: SUBJECT,
    iss: ISSUER,
    aud: AUDIENCE,
    iat: NOW_SEC - 60,
    exp: NOW_SEC + 3600,
    jti: 'token-1',
    role: 'support-agent',
    ...shape.claims,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  const alg = shape.alg ?? (signingKey instanceof Uint8Array ? 'HS256' : 'RS256');
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg, ...(shape.kid ? { kid: shape.kid } : {}) })
    .sign(shape.key ?? signingKey);
}

/** An unsecured JWT (RFC 7519 §6): `alg: none`, empty signature. */
export function unsecuredToken(claims: Record<string, unknown> = {}): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({
    sub: SUBJECT,
    iss: ISSUER,
    aud: AUDIENCE,
    exp: NOW_SEC + 3600,
    role: 'dpo',
    ...claims,
  })}.`;
}

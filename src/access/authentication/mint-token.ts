/**
 * Tokens for the embedded demo and `privgraph token`: HS256 with the deployment's own
 * secret. A deployment that verifies an identity provider's tokens (a public key or a JWKS)
 * holds no signing key, and must not: its tokens are minted where its users are managed.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { HasJwtKey } from './jwt-key-material';

export interface MintTokenOptions {
  readonly role: string;
  readonly subject: string;
  readonly ttlSeconds: number;
  readonly issuer?: string;
  readonly audience?: string;
  /** The claim the verifier reads the role from. Default `role`. */
  readonly roleClaim?: string;
  /** The issue instant. Default: now. */
  readonly now?: Date;
}

export class TokenMintingUnavailableError extends Error {
  constructor() {
    super(
      'this deployment verifies tokens from your identity provider; mint tokens there ' +
        '(privgraph only mints HS256 tokens with PRIVGRAPH_JWT_SECRET or the demo secret)',
    );
    this.name = 'TokenMintingUnavailableError';
  }
}

export async function mintToken(keys: HasJwtKey, options: MintTokenOptions): Promise<string> {
  if (keys.jwt.kind !== 'secret') throw new TokenMintingUnavailableError();
  if (!Number.isSafeInteger(options.ttlSeconds) || options.ttlSeconds <= 0)
    throw new Error(`a token's lifetime must be a positive whole number of seconds`);
  if (options.role === '' || options.subject === '')
    throw new Error('a token needs a role and a subject');
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const jwt = new SignJWT({ [options.roleClaim ?? 'role']: options.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .setJti(randomUUID());
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt.setAudience(options.audience);
  return jwt.sign(keys.jwt.secret);
}

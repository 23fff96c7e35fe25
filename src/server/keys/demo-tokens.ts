/**
 * Ready-to-paste tokens for the embedded demo (SPEC §4.1: "the embedded demo prints a token
 * per demo role at start"), signed with the generated demo secret. They live long enough for
 * a month of trying things, and still expire (SPEC §4.1: `exp` enforced, never optional).
 */
import { mintToken } from '../../access/authentication';
import type { DeploymentKeys } from './load-deployment-keys';

export const DEMO_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface DemoToken {
  readonly role: string;
  readonly token: string;
  readonly expiresAt: Date;
}

export function demoSubject(role: string): string {
  return `demo:${role}`;
}

/** One token per role; none unless the token key is a secret this deployment holds. */
export async function mintDemoTokens(
  keys: DeploymentKeys,
  roles: Iterable<string>,
  now: Date = new Date(),
): Promise<DemoToken[]> {
  if (keys.jwt.kind !== 'secret') return [];
  const tokens: DemoToken[] = [];
  for (const role of roles) {
    const token = await mintToken(keys, {
      role,
      subject: demoSubject(role),
      ttlSeconds: DEMO_TOKEN_TTL_SECONDS,
      roleClaim: keys.jwtClaims.roleClaim,
      now,
      issuer: keys.jwtClaims.issuer,
      audience: keys.jwtClaims.audience,
    });
    tokens.push({
      role,
      token,
      expiresAt: new Date(now.getTime() + DEMO_TOKEN_TTL_SECONDS * 1000),
    });
  }
  return tokens;
}

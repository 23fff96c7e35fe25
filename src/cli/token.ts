/**
 * `privgraph token --role R [--subject S] [--ttl 1h]`: mints a bearer token with the
 * deployment's own HS256 secret — `PRIVGRAPH_JWT_SECRET`, or in development the demo secret
 * in the data directory (generated now if the gateway has not started yet, and then reused
 * by it). Deployments that verify an identity provider's tokens mint them there.
 *
 * Only the token goes to stdout, so `TOKEN=$(npx privgraph token --role dpo | tail -n 1)`
 * works; what it is and until when goes to stderr.
 *
 * Exit codes: 0 minted, 1 no usable signing key, 2 usage error (including an unknown role).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { mintToken, TokenMintingUnavailableError } from '../access/authentication';
import { readConfig } from '../server/config';
import { loadDeploymentKeys, deploymentPolicyFile, readPolicyRoleNames } from '../server/keys';
import type { CliOutput } from './datamap-validate';

const USAGE = 'usage: privgraph token --role ROLE [--subject SUBJECT] [--ttl 1h]';
const DEFAULT_TTL_SECONDS = 60 * 60;
/** Finite, always (SPEC §4.1 `exp` enforced): a year is the most one command hands out. */
const MAX_TTL_SECONDS = 365 * 24 * 60 * 60;
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `90`, `90s`, `15m`, `1h`, `30d` → seconds; null when malformed or out of range. */
export function parseTokenTtl(text: string): number | null {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
  return seconds > 0 && seconds <= MAX_TTL_SECONDS ? seconds : null;
}

/** `args` are the words after `token`. */
export async function runToken(
  args: string[],
  out: CliOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let values: { role?: string; subject?: string; ttl?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { role: { type: 'string' }, subject: { type: 'string' }, ttl: { type: 'string' } },
    }));
  } catch (error) {
    out.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const ttlSeconds = parseTokenTtl(values.ttl ?? `${DEFAULT_TTL_SECONDS}`);
  if (!values.role || ttlSeconds === null) {
    out.error(
      values.role ? `--ttl must be like 90s, 15m, 1h or 30d (at most 365d)\n${USAGE}` : USAGE,
    );
    return 2;
  }
  const config = readConfig(env);
  const policy = await readPolicyRoleNames(deploymentPolicyFile(config));
  if (policy && !policy.roles.has(values.role)) {
    out.error(
      `unknown role "${values.role}"; the roles of ${policy.file} are: ${[...policy.roles].join(', ')}`,
    );
    return 2;
  }
  if (!policy) out.error('warning: no policy file found; the gateway will refuse this role (403)');

  const keys = await loadDeploymentKeys(config, config.dataDir);
  const subject = values.subject ?? `cli:${operatorName()}`;
  try {
    const token = await mintToken(keys, {
      role: values.role,
      subject,
      ttlSeconds,
      issuer: keys.jwtClaims.issuer,
      audience: keys.jwtClaims.audience,
      roleClaim: keys.jwtClaims.roleClaim,
    });
    const until = new Date(Date.now() + ttlSeconds * 1000).toISOString();
    out.error(
      `token for role "${values.role}", subject "${subject}", valid until ${until} (${keys.jwt.origin})`,
    );
    out.log(token);
    return 0;
  } catch (error) {
    if (!(error instanceof TokenMintingUnavailableError)) throw error;
    out.error(error.message);
    return 1;
  }
}

/** Who minted the token, for the audit trail's `sub`; containers may have no user entry. */
function operatorName(): string {
  try {
    return userInfo().username || 'operator';
  } catch {
    return 'operator';
  }
}

/**
 * Authentication as the gateway wires it at start: the verifier over the deployment's key
 * and the policy's roles, and in the demo one token per role for the banner.
 */
import type { AuthResult } from '../../access/authentication';
import { createTokenVerifier } from '../../access/authentication';
import type { GatewayConfig } from '../config';
import type { DemoToken } from './demo-tokens';
import { mintDemoTokens } from './demo-tokens';
import type { DeploymentKeys } from './load-deployment-keys';
import { deploymentPolicyFile, readPolicyRoleNames } from './policy-role-names';

export interface GatewayAuthentication {
  readonly authenticate: (authorizationHeader: string | undefined) => Promise<AuthResult>;
  readonly roles: ReadonlySet<string>;
  /** Empty unless the token key is the generated demo secret. */
  readonly demoTokens: readonly DemoToken[];
}

/**
 * `policyRoles`: the loaded policy's role names. Without them, the roles of `policy.yaml`
 * beside the data map are read (interim, until start-up hands over the loaded policy).
 */
export async function prepareAuthentication(
  config: GatewayConfig,
  keys: DeploymentKeys,
  log: (line: string) => void,
  policyRoles?: ReadonlySet<string>,
): Promise<GatewayAuthentication> {
  const roles = policyRoles ?? (await rolesBesideDataMap(config, log));
  const verifier = createTokenVerifier(keys, { ...keys.jwtClaims, knownRoles: roles });
  const demoTokens =
    !config.production && keys.generated.includes('jwt-secret')
      ? await mintDemoTokens(keys, roles)
      : [];
  return { authenticate: verifier.verify, roles, demoTokens };
}

async function rolesBesideDataMap(
  config: GatewayConfig,
  log: (line: string) => void,
): Promise<ReadonlySet<string>> {
  const file = deploymentPolicyFile(config);
  const policy = await readPolicyRoleNames(file);
  if (policy === null)
    log(`warning: no policy at ${file}: no role is known, so every token is refused (403)`);
  return policy?.roles ?? new Set<string>();
}

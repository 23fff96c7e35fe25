/**
 * The deployment's keys (SPEC §4.1, §4.5): loaded from configuration, generated into the
 * data directory for development only, refused in production when missing or demo.
 */
export type { DemoToken } from './demo-tokens';
export { DEMO_TOKEN_TTL_SECONDS, demoSubject, mintDemoTokens } from './demo-tokens';
export type { DemoKeyName } from './demo-key-store';
export { demoKeysDir } from './demo-key-store';
export type { GatewayAuthentication } from './gateway-authentication';
export { prepareAuthentication } from './gateway-authentication';
export { KeyConfigurationError } from './key-encodings';
export type { DeploymentKeys, JwtClaimExpectations } from './load-deployment-keys';
export { DEMO_AUDIENCE, DEMO_ISSUER, loadDeploymentKeys } from './load-deployment-keys';
export type { PolicyRoleNames } from './policy-role-names';
export {
  deploymentPolicyFile,
  policyFileBeside,
  readPolicyRoleNames,
} from './policy-role-names';

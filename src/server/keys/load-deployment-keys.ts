/**
 * The deployment's secrets (SPEC §4.1, §4.5: "keys come from configuration, never from
 * code"): the token verification key, the HMAC key of `hash` and of keyed subject hashes,
 * and the master key of `tokenize`.
 *
 * In development a key that is not configured is generated once into `<dataDir>/keys/` and
 * reused. In production (`NODE_ENV=production`) nothing is generated: a missing key, or a
 * configured key equal to a generated demo key, stops the start with the variable to set —
 * all problems at once, so an operator fixes them in one go.
 */
import type { JwtKeyMaterial } from '../../access/authentication';
import type { GatewayConfig } from '../config';
import type { DemoKeyName } from './demo-key-store';
import { demoKeysDir, readDemoKeyIfPresent, readOrCreateDemoKey } from './demo-key-store';
import {
  base64KeyBytes,
  jwtSecretBytes,
  KeyConfigurationError,
  newBase64Key,
  newJwtSecret,
} from './key-encodings';
import { JWT_KEY_VARIABLES, loadConfiguredJwtKey, nonEmpty } from './load-jwt-key';

/** What the demo's own tokens carry, and what a demo gateway therefore expects. */
export const DEMO_ISSUER = 'privgraph-demo';
export const DEMO_AUDIENCE = 'privgraph';

export interface JwtClaimExpectations {
  /** Expected `iss`, when enforced. */
  readonly issuer?: string;
  /** Expected `aud`, when enforced. */
  readonly audience?: string;
  /** The claim naming the caller's one role. */
  readonly roleClaim: string;
}

export interface DeploymentKeys {
  readonly jwt: JwtKeyMaterial;
  readonly jwtClaims: JwtClaimExpectations;
  /** HMAC-SHA-256 key of the `hash` method and of keyed subject hashes (32 bytes). */
  readonly hashKey: Buffer;
  /** Master key of the `tokenize` method (32 bytes). */
  readonly tokenizeKey: Buffer;
  /** The keys generated into (or reused from) `<dataDir>/keys`. */
  readonly generated: readonly DemoKeyName[];
  /** Some key was generated into the data directory: development and demo only. */
  readonly demo: boolean;
  /** One line per key saying where it came from (never a key's value), and warnings. */
  readonly notes: readonly string[];
}

/** Registered claims (RFC 7519 §4.1) cannot also carry the role. */
const REGISTERED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);

export async function loadDeploymentKeys(
  config: GatewayConfig,
  dataDir: string,
): Promise<DeploymentKeys> {
  if (REGISTERED_CLAIMS.has(config.PRIVGRAPH_JWT_ROLE_CLAIM))
    throw new KeyConfigurationError([
      `PRIVGRAPH_JWT_ROLE_CLAIM cannot be the registered claim "${config.PRIVGRAPH_JWT_ROLE_CLAIM}"`,
    ]);
  if (config.production) await refuseProductionProblems(config, dataDir);
  const notes: string[] = [];
  const generated: DemoKeyName[] = [];
  const demoKey = async (name: DemoKeyName, generate: () => string) => {
    const stored = await readOrCreateDemoKey(dataDir, name, generate);
    generated.push(name);
    notes.push(`${name}: demo key ${stored.created ? 'generated into' : 'from'} ${stored.file}`);
    if (stored.warning) notes.push(`warning: ${stored.warning}`);
    return stored;
  };

  let jwt = await loadConfiguredJwtKey(config);
  if (jwt === null) {
    const stored = await demoKey('jwt-secret', newJwtSecret);
    jwt = {
      kind: 'secret',
      algorithm: 'HS256',
      secret: jwtSecretBytes(stored.value, stored.file),
      origin: `demo secret ${stored.file}`,
    };
  } else notes.push(`token key: ${jwt.origin}`);
  const jwtDemo = generated.includes('jwt-secret');

  const binaryKey = async (
    variable: 'PRIVGRAPH_HASH_KEY' | 'PRIVGRAPH_TOKENIZE_KEY',
    name: DemoKeyName,
  ) => {
    const configured = nonEmpty(config[variable]);
    if (configured !== undefined) {
      notes.push(`${name}: from ${variable}`);
      return base64KeyBytes(configured, variable);
    }
    const stored = await demoKey(name, newBase64Key);
    return base64KeyBytes(stored.value, stored.file);
  };
  const hashKey = await binaryKey('PRIVGRAPH_HASH_KEY', 'hash-key');
  const tokenizeKey = await binaryKey('PRIVGRAPH_TOKENIZE_KEY', 'tokenize-key');
  // One key, one purpose (NIST SP 800-57 §5.2): a hash key that is also the tokenize key
  // would tie the two de-identifications together.
  if (hashKey.equals(tokenizeKey))
    throw new KeyConfigurationError(['PRIVGRAPH_HASH_KEY and PRIVGRAPH_TOKENIZE_KEY must differ']);

  return {
    jwt,
    jwtClaims: {
      // The demo's own tokens carry both, so a demo gateway enforces both (RFC 8725 §3.8–3.9).
      issuer: nonEmpty(config.PRIVGRAPH_JWT_ISSUER) ?? (jwtDemo ? DEMO_ISSUER : undefined),
      audience: nonEmpty(config.PRIVGRAPH_JWT_AUDIENCE) ?? (jwtDemo ? DEMO_AUDIENCE : undefined),
      roleClaim: config.PRIVGRAPH_JWT_ROLE_CLAIM,
    },
    hashKey,
    tokenizeKey,
    generated,
    demo: generated.length > 0,
    notes,
  };
}

async function refuseProductionProblems(config: GatewayConfig, dataDir: string): Promise<void> {
  const problems: string[] = [];
  const demoDir = demoKeysDir(dataDir);
  if (JWT_KEY_VARIABLES.every((name) => nonEmpty(config[name]) === undefined))
    problems.push(
      'no token verification key: set PRIVGRAPH_JWT_SECRET (HS256), or PRIVGRAPH_JWT_PUBLIC_KEY, ' +
        "PRIVGRAPH_JWT_JWKS_FILE or PRIVGRAPH_JWT_JWKS_URL (your identity provider's key) " +
        'with PRIVGRAPH_JWT_ALGORITHM',
    );
  const checks: [
    variable: 'PRIVGRAPH_JWT_SECRET' | 'PRIVGRAPH_HASH_KEY' | 'PRIVGRAPH_TOKENIZE_KEY',
    name: DemoKeyName,
  ][] = [
    ['PRIVGRAPH_JWT_SECRET', 'jwt-secret'],
    ['PRIVGRAPH_HASH_KEY', 'hash-key'],
    ['PRIVGRAPH_TOKENIZE_KEY', 'tokenize-key'],
  ];
  for (const [variable, name] of checks) {
    const configured = nonEmpty(config[variable]);
    if (configured === undefined) {
      if (variable !== 'PRIVGRAPH_JWT_SECRET')
        problems.push(`${variable} is not set (32 random bytes, base64: openssl rand -base64 32)`);
      continue;
    }
    const demo = await readDemoKeyIfPresent(dataDir, name);
    if (demo !== null && demo === configured.trim())
      problems.push(
        `${variable} is the demo key generated in ${demoDir}; generate a new one for production`,
      );
  }
  if (problems.length > 0)
    throw new KeyConfigurationError([
      ...problems,
      'NODE_ENV=production never generates keys nor uses demo keys (docs/authentication.md)',
    ]);
}

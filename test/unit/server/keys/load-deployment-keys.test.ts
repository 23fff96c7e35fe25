/**
 * The deployment's keys: generated once into the data directory in development and reused;
 * refused in production when missing or demo; every configured form checked at start with a
 * message naming the variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier } from '../../../../src/access/authentication';
import { readConfig } from '../../../../src/server/config';
import {
  DEMO_AUDIENCE,
  DEMO_ISSUER,
  KeyConfigurationError,
  loadDeploymentKeys,
} from '../../../../src/server/keys';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-keys-'));
  dirs.push(dir);
  return dir;
}

function load(env: NodeJS.ProcessEnv, dataDir = tempDir()) {
  return loadDeploymentKeys(readConfig({ PRIVGRAPH_DATA_DIR: dataDir, ...env }), dataDir);
}

const base64Key = () => randomBytes(32).toString('base64');
const productionKeys = () => ({
  NODE_ENV: 'production',
  PRIVGRAPH_JWT_SECRET: randomBytes(32).toString('base64url'),
  PRIVGRAPH_HASH_KEY: base64Key(),
  PRIVGRAPH_TOKENIZE_KEY: base64Key(),
});

describe('development: demo keys in the data directory', () => {
  it('generates each key once, 0600 in a 0700 directory, and reuses them', async () => {
    const dataDir = tempDir();
    const first = await load({}, dataDir);
    expect(first.demo).toBe(true);
    expect(first.generated).toEqual(['jwt-secret', 'hash-key', 'tokenize-key']);
    expect(first.jwt.kind).toBe('secret');
    expect(first.hashKey).toHaveLength(32);
    expect(first.tokenizeKey).toHaveLength(32);
    expect(first.hashKey.equals(first.tokenizeKey)).toBe(false);
    expect(first.jwtClaims).toEqual({
      issuer: DEMO_ISSUER,
      audience: DEMO_AUDIENCE,
      roleClaim: 'role',
    });
    const keysDir = path.join(dataDir, 'keys');
    expect(statSync(keysDir).mode & 0o777).toBe(0o700);
    for (const name of ['jwt-secret', 'hash-key', 'tokenize-key'])
      expect(statSync(path.join(keysDir, name)).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(keysDir, 'demo-keys'), 'utf8')).toMatch(/refuses to start/);
    expect(first.notes.join('\n')).toMatch(/generated into/);

    const again = await load({}, dataDir);
    expect(again.jwt).toEqual(first.jwt);
    expect(again.hashKey.equals(first.hashKey)).toBe(true);
    expect(again.tokenizeKey.equals(first.tokenizeKey)).toBe(true);
    expect(again.notes.join('\n')).not.toMatch(/generated into/);
  });

  it('agrees on one key when two processes generate at once', async () => {
    const dataDir = tempDir();
    const [a, b] = await Promise.all([load({}, dataDir), load({}, dataDir)]);
    expect(a.hashKey.equals(b.hashKey)).toBe(true);
    expect(a.jwt).toEqual(b.jwt);
  });

  it('generates only what is not configured; iss/aud only enforced when set', async () => {
    const hashKey = base64Key();
    const keys = await load({
      PRIVGRAPH_JWT_SECRET: 'a-development-secret-of-at-least-32-bytes',
      PRIVGRAPH_HASH_KEY: hashKey,
    });
    expect(keys.generated).toEqual(['tokenize-key']);
    expect(keys.hashKey.equals(Buffer.from(hashKey, 'base64'))).toBe(true);
    expect(keys.jwtClaims).toEqual({ issuer: undefined, audience: undefined, roleClaim: 'role' });
  });

  it('says to delete a damaged demo key file', async () => {
    const dataDir = tempDir();
    await load({}, dataDir);
    writeFileSync(path.join(dataDir, 'keys', 'hash-key'), 'short\n');
    await expect(load({}, dataDir)).rejects.toThrow(/keys\/hash-key must be 32 random bytes/);
  });
});

describe('production', () => {
  it('refuses to start without keys, naming every variable, and generates nothing', async () => {
    const dataDir = tempDir();
    const error = await load({ NODE_ENV: 'production' }, dataDir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(KeyConfigurationError);
    const message = (error as Error).message;
    expect(message).toMatch(/set PRIVGRAPH_JWT_SECRET \(HS256\), or PRIVGRAPH_JWT_PUBLIC_KEY/);
    expect(message).toMatch(/PRIVGRAPH_HASH_KEY is not set/);
    expect(message).toMatch(/PRIVGRAPH_TOKENIZE_KEY is not set/);
    expect(existsSync(path.join(dataDir, 'keys'))).toBe(false);
  });

  it('refuses the demo keys, even copied into the variables', async () => {
    const dataDir = tempDir();
    await load({}, dataDir);
    const demo = (name: string) => readFileSync(path.join(dataDir, 'keys', name), 'utf8').trim();
    await expect(
      load(
        {
          NODE_ENV: 'production',
          PRIVGRAPH_JWT_SECRET: demo('jwt-secret'),
          PRIVGRAPH_HASH_KEY: demo('hash-key'),
          PRIVGRAPH_TOKENIZE_KEY: base64Key(),
        },
        dataDir,
      ),
    ).rejects.toThrow(
      /PRIVGRAPH_JWT_SECRET is the demo key[\s\S]*PRIVGRAPH_HASH_KEY is the demo key/,
    );
  });

  it('starts with configured keys', async () => {
    const keys = await load(productionKeys());
    expect(keys.demo).toBe(false);
    expect(keys.generated).toEqual([]);
    expect(keys.notes.join('\n')).toMatch(/token key: PRIVGRAPH_JWT_SECRET/);
  });

  it('requires https for a remote JWKS', async () => {
    const { PRIVGRAPH_JWT_SECRET: _unused, ...rest } = productionKeys();
    await expect(
      load({ ...rest, PRIVGRAPH_JWT_JWKS_URL: 'http://idp.example.test/jwks.json' }),
    ).rejects.toThrow(/PRIVGRAPH_JWT_JWKS_URL must be an https: URL in production/);
    const keys = await load({ ...rest, PRIVGRAPH_JWT_JWKS_URL: 'https://idp.example.test/jwks' });
    expect(keys.jwt).toMatchObject({ kind: 'jwks', algorithm: 'RS256' });
  });
});

describe('configured keys are checked at start', () => {
  it.each([
    [{ PRIVGRAPH_JWT_SECRET: 'too-short' }, /PRIVGRAPH_JWT_SECRET is 9 bytes; .* at least 32/],
    [
      { PRIVGRAPH_HASH_KEY: 'not base64!' },
      /PRIVGRAPH_HASH_KEY must be 32 random bytes .*not base64/,
    ],
    [{ PRIVGRAPH_TOKENIZE_KEY: randomBytes(16).toString('base64') }, /decodes to 16 bytes/],
    [
      { PRIVGRAPH_JWT_SECRET: 'x'.repeat(32), PRIVGRAPH_JWT_JWKS_URL: 'https://idp/jwks' },
      /PRIVGRAPH_JWT_SECRET and PRIVGRAPH_JWT_JWKS_URL are both set; set exactly one/,
    ],
    [
      { PRIVGRAPH_JWT_SECRET: 'x'.repeat(32), PRIVGRAPH_JWT_ALGORITHM: 'RS256' },
      /a secret is HS256 only/,
    ],
    [{ PRIVGRAPH_JWT_ROLE_CLAIM: 'sub' }, /cannot be the registered claim "sub"/],
    [{ PRIVGRAPH_JWT_PUBLIC_KEY: 'ssh-rsa AAAA' }, /must be a PEM SPKI public key/],
  ])('%p', async (env, message) => {
    await expect(load(env as NodeJS.ProcessEnv)).rejects.toThrow(message);
  });

  it('refuses the same key for hash and tokenize', async () => {
    const key = base64Key();
    await expect(load({ PRIVGRAPH_HASH_KEY: key, PRIVGRAPH_TOKENIZE_KEY: key })).rejects.toThrow(
      /must differ/,
    );
  });
});

describe('public keys and JWKS', () => {
  it('pins the configured algorithm to a PEM public key (escaped newlines allowed)', async () => {
    const pair = await generateKeyPair('ES256');
    const pem = (await exportSPKI(pair.publicKey)).replace(/\n/g, '\\n');
    const keys = await load({ PRIVGRAPH_JWT_PUBLIC_KEY: pem, PRIVGRAPH_JWT_ALGORITHM: 'ES256' });
    expect(keys.jwt).toMatchObject({ kind: 'public-key', algorithm: 'ES256' });
    expect(keys.jwtClaims.issuer).toBeUndefined();
  });

  it('refuses a key that does not fit the algorithm, or a private key', async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    await expect(
      load({
        PRIVGRAPH_JWT_PUBLIC_KEY: await exportSPKI(rsa.publicKey),
        PRIVGRAPH_JWT_ALGORITHM: 'ES256',
      }),
    ).rejects.toThrow(/does not fit PRIVGRAPH_JWT_ALGORITHM=ES256: ES256 needs an EC key on P-256/);
    await expect(
      load({ PRIVGRAPH_JWT_PUBLIC_KEY: await exportPKCS8(rsa.privateKey) }),
    ).rejects.toThrow(/is a private key; give the gateway the public key only/);
  });

  it('loads a JWKS file whose keys rotate by kid', async () => {
    const k1 = await generateKeyPair('RS256');
    const k2 = await generateKeyPair('RS256');
    const file = path.join(tempDir(), 'jwks.json');
    writeFileSync(
      file,
      JSON.stringify({
        keys: [
          { ...(await exportJWK(k1.publicKey)), kid: 'k1' },
          { ...(await exportJWK(k2.publicKey)), kid: 'k2' },
        ],
      }),
    );
    const keys = await load({
      PRIVGRAPH_JWT_JWKS_FILE: file,
      PRIVGRAPH_JWT_ISSUER: 'https://idp.example.test',
      PRIVGRAPH_JWT_AUDIENCE: 'privgraph',
    });
    expect(keys.jwt.origin).toMatch(/keys: k1, k2/);
    const verifier = createTokenVerifier(keys, { ...keys.jwtClaims, knownRoles: new Set(['dpo']) });
    for (const [kid, key] of [
      ['k1', k1.privateKey],
      ['k2', k2.privateKey],
    ] as const) {
      const token = await new SignJWT({ role: 'dpo' })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('app')
        .setIssuer('https://idp.example.test')
        .setAudience('privgraph')
        .setExpirationTime('5m')
        .sign(key);
      expect((await verifier.verify(`Bearer ${token}`)).ok).toBe(true);
    }
  });

  it('refuses a JWKS with a private key, or with no key for the algorithm', async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const file = path.join(tempDir(), 'jwks.json');
    writeFileSync(
      file,
      JSON.stringify({ keys: [{ ...(await exportJWK(rsa.privateKey)), kid: 'a' }] }),
    );
    await expect(load({ PRIVGRAPH_JWT_JWKS_FILE: file })).rejects.toThrow(
      /holds a private or symmetric key/,
    );
    writeFileSync(
      file,
      JSON.stringify({ keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'a' }] }),
    );
    await expect(
      load({ PRIVGRAPH_JWT_JWKS_FILE: file, PRIVGRAPH_JWT_ALGORITHM: 'ES256' }),
    ).rejects.toThrow(/has no public key for ES256/);
    writeFileSync(file, '{"nope": []}');
    await expect(load({ PRIVGRAPH_JWT_JWKS_FILE: file })).rejects.toThrow(/needs a "keys" array/);
  });
});

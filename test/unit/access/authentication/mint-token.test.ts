/**
 * Minting (the demo's tokens and `privgraph token`): HS256 only, always with an expiry, and
 * what it mints is exactly what the verifier accepts.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  createTokenVerifier,
  mintToken,
  TokenMintingUnavailableError,
} from '../../../../src/access/authentication';
import type { TestKeys } from './token-fixtures';
import { makeTestKeys, NOW, NOW_SEC, publicKeyMaterial, secretMaterial } from './token-fixtures';

let keys: TestKeys;
beforeAll(async () => {
  keys = await makeTestKeys();
});

const options = {
  role: 'dpo',
  subject: 'demo:dpo',
  ttlSeconds: 3600,
  issuer: 'privgraph-demo',
  audience: 'privgraph',
  now: NOW,
};

it('mints an HS256 token the verifier accepts, with sub, role, iss, aud, iat, exp and jti', async () => {
  const token = await mintToken({ jwt: secretMaterial(keys) }, options);
  expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  expect(decodeJwt(token)).toEqual({
    role: 'dpo',
    sub: 'demo:dpo',
    iss: 'privgraph-demo',
    aud: 'privgraph',
    iat: NOW_SEC,
    exp: NOW_SEC + 3600,
    jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
  const verifier = createTokenVerifier(
    { jwt: secretMaterial(keys) },
    {
      issuer: 'privgraph-demo',
      audience: 'privgraph',
      roleClaim: 'role',
      knownRoles: new Set(['dpo']),
      now: () => NOW,
    },
  );
  expect(await verifier.verify(`Bearer ${token}`)).toMatchObject({
    ok: true,
    principal: { subject: 'demo:dpo', role: 'dpo', expiresAt: new Date((NOW_SEC + 3600) * 1000) },
  });
});

it('puts the role in the configured claim', async () => {
  const token = await mintToken(
    { jwt: secretMaterial(keys) },
    { ...options, roleClaim: 'privgraph_role' },
  );
  expect(decodeJwt(token)).toMatchObject({ privgraph_role: 'dpo' });
  expect(decodeJwt(token)).not.toHaveProperty('role');
});

it('refuses when the deployment verifies an identity provider’s tokens', async () => {
  await expect(mintToken({ jwt: publicKeyMaterial(keys) }, options)).rejects.toThrow(
    TokenMintingUnavailableError,
  );
  await expect(mintToken({ jwt: publicKeyMaterial(keys) }, options)).rejects.toThrow(
    /this deployment verifies tokens from your identity provider; mint tokens there/,
  );
});

it.each([0, -1, 1.5, Number.POSITIVE_INFINITY])('refuses a lifetime of %p seconds', async (ttl) => {
  await expect(
    mintToken({ jwt: secretMaterial(keys) }, { ...options, ttlSeconds: ttl }),
  ).rejects.toThrow(/positive whole number of seconds/);
});

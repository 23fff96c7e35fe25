/**
 * The bearer token verifier, one table per kind of key. Each row bends one thing of a valid
 * token and names the status and the words of the refusal; every refusal is also checked
 * not to echo the token or its claims' values.
 */
import type { AuthResult, JwtKeyMaterial } from '../../../../src/access/authentication';
import { createTokenVerifier } from '../../../../src/access/authentication';
import type { TestKeys, TokenShape } from './token-fixtures';
import {
  AUDIENCE,
  ISSUER,
  jwksMaterial,
  makeTestKeys,
  NOW,
  NOW_SEC,
  publicKeyMaterial,
  ROLES,
  secretMaterial,
  signToken,
  SUBJECT,
  unsecuredToken,
} from './token-fixtures';

let keys: TestKeys;
beforeAll(async () => {
  keys = await makeTestKeys();
});

function verifierFor(material: JwtKeyMaterial) {
  return createTokenVerifier(
    { jwt: material },
    { issuer: ISSUER, audience: AUDIENCE, roleClaim: 'role', knownRoles: ROLES, now: () => NOW },
  );
}

type Expected = { ok: true; role: string } | { status: 401 | 403; message: RegExp };

async function expectResult(result: AuthResult, token: string, expected: Expected) {
  if ('ok' in expected) {
    expect(result).toEqual({
      ok: true,
      principal: {
        subject: SUBJECT,
        role: expected.role,
        tokenId: 'token-1',
        expiresAt: new Date((NOW_SEC + 3600) * 1000),
      },
    });
    return;
  }
  expect(result).toMatchObject({
    ok: false,
    status: expected.status,
    code: expected.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
  });
  const message = result.ok ? '' : result.message;
  expect(message).toMatch(expected.message);
  // Never the token, nor a claim's value (the subject, the issuer, the token id).
  for (const secret of [token, SUBJECT, 'evil-issuer', 'token-1', 'other-audience'])
    expect(message).not.toContain(secret);
}

describe('HS256 secret', () => {
  const rows: [string, (k: TestKeys) => TokenShape | string, Expected][] = [
    ['a valid token', () => ({}), { ok: true, role: 'support-agent' }],
    ['another role of the policy', () => ({ claims: { role: 'dpo' } }), { ok: true, role: 'dpo' }],
    [
      'expired',
      () => ({ claims: { exp: NOW_SEC - 600 } }),
      { status: 401, message: /has expired/ },
    ],
    [
      'without exp',
      () => ({ claims: { exp: undefined } }),
      { status: 401, message: /no expiry \(exp\)/ },
    ],
    [
      'exp not a number',
      () => ({ claims: { exp: 'tomorrow' } }),
      { status: 401, message: /expiry \(exp\) is not valid/ },
    ],
    [
      'nbf in the future',
      () => ({ claims: { nbf: NOW_SEC + 600 } }),
      { status: 401, message: /not valid yet \(nbf\)/ },
    ],
    [
      'another issuer',
      () => ({ claims: { iss: 'evil-issuer' } }),
      { status: 401, message: /issuer this deployment trusts/ },
    ],
    [
      'no issuer',
      () => ({ claims: { iss: undefined } }),
      { status: 401, message: /no issuer \(iss\)/ },
    ],
    [
      'another audience',
      () => ({ claims: { aud: 'other-audience' } }),
      { status: 401, message: /not meant for this gateway \(aud\)/ },
    ],
    ['no subject', () => ({ claims: { sub: undefined } }), { status: 401, message: /\(sub\)/ }],
    ['a numeric subject', () => ({ claims: { sub: 7 } }), { status: 401, message: /\(sub\)/ }],
    ['alg: none', () => unsecuredToken(), { status: 401, message: /accepts HS256 only/ }],
    [
      'signed with another secret',
      (k) => ({ key: k.otherSecret }),
      { status: 401, message: /signature does not verify/ },
    ],
    [
      'HS512 with the right secret (algorithm not pinned)',
      () => ({ alg: 'HS512' }),
      { status: 401, message: /accepts HS256 only/ },
    ],
    [
      'RS256 signed with some private key',
      (k) => ({ key: k.rsa.privateKey, alg: 'RS256' }),
      { status: 401, message: /accepts HS256 only/ },
    ],
    [
      'no role claim',
      () => ({ claims: { role: undefined } }),
      { status: 403, message: /no "role" claim/ },
    ],
    [
      'roles as a list',
      () => ({ claims: { role: ['dpo'] } }),
      { status: 403, message: /must be a string naming exactly one role/ },
    ],
    [
      'a numeric role',
      () => ({ claims: { role: 1 } }),
      { status: 403, message: /must be a string naming exactly one role/ },
    ],
    [
      'a role the policy does not have',
      () => ({ claims: { role: 'root' } }),
      { status: 403, message: /"root" is not a role of this deployment's policy/ },
    ],
    [
      'a role in another case (compared exactly)',
      () => ({ claims: { role: 'DPO' } }),
      { status: 403, message: /"DPO" is not a role/ },
    ],
  ];

  it.each(rows)('%s', async (_name, build, expected) => {
    const shape = build(keys);
    const token = typeof shape === 'string' ? shape : await signToken(keys.secret, shape);
    const result = await verifierFor(secretMaterial(keys)).verify(`Bearer ${token}`);
    await expectResult(result, token, expected);
  });

  it('allows 30 s of clock skew by default, and none when told so', async () => {
    const token = await signToken(keys.secret, { claims: { exp: NOW_SEC - 10 } });
    const lenient = createTokenVerifier(
      { jwt: secretMaterial(keys) },
      { issuer: ISSUER, audience: AUDIENCE, roleClaim: 'role', knownRoles: ROLES, now: () => NOW },
    );
    expect((await lenient.verify(`Bearer ${token}`)).ok).toBe(true);
    const strict = createTokenVerifier(
      { jwt: secretMaterial(keys) },
      { roleClaim: 'role', knownRoles: ROLES, clockToleranceSec: 0, now: () => NOW },
    );
    expect(await strict.verify(`Bearer ${token}`)).toMatchObject({ status: 401 });
  });

  it('reads the role from a configured claim', async () => {
    const token = await signToken(keys.secret, {
      claims: { role: undefined, 'https://privgraph.example/role': 'dpo' },
    });
    const verifier = createTokenVerifier(
      { jwt: secretMaterial(keys) },
      { roleClaim: 'https://privgraph.example/role', knownRoles: ROLES, now: () => NOW },
    );
    expect(await verifier.verify(`Bearer ${token}`)).toMatchObject({
      ok: true,
      principal: { role: 'dpo' },
    });
  });
});

describe('the Authorization header', () => {
  const rows: [string, (token: string) => string | undefined, Expected][] = [
    ['absent', () => undefined, { status: 401, message: /Authentication required/ }],
    ['empty', () => '', { status: 401, message: /Authentication required/ }],
    ['another scheme', (t) => `Basic ${t}`, { status: 401, message: /must be `Bearer <token>`/ }],
    ['the token alone', (t) => t, { status: 401, message: /must be `Bearer <token>`/ }],
    ['the scheme alone', () => 'Bearer', { status: 401, message: /must be `Bearer <token>`/ }],
    ['two tokens', (t) => `Bearer ${t} ${t}`, { status: 401, message: /must be `Bearer <token>`/ }],
    ['not a JWT', () => 'Bearer a.b', { status: 401, message: /not a well-formed JWT/ }],
    [
      'not a token68',
      () => 'Bearer {"alg":"none"}',
      { status: 401, message: /not a well-formed JWT/ },
    ],
    [
      'too long',
      () => `Bearer ${'a'.repeat(9000)}`,
      { status: 401, message: /not a well-formed JWT/ },
    ],
    ['the scheme in lower case', (t) => `bearer ${t}`, { ok: true, role: 'support-agent' }],
  ];

  it.each(rows)('%s', async (_name, header, expected) => {
    const token = await signToken(keys.secret);
    const result = await verifierFor(secretMaterial(keys)).verify(header(token));
    await expectResult(result, token, expected);
  });
});

describe('RS256 public key', () => {
  const rows: [string, (k: TestKeys) => TokenShape, Expected][] = [
    ['a valid token', (k) => ({ key: k.rsa.privateKey }), { ok: true, role: 'support-agent' }],
    [
      // RFC 8725 §2.1: the public key used as an HMAC secret by an attacker who knows it.
      'HS256 "signed" with the public key (algorithm confusion)',
      (k) => ({ key: new TextEncoder().encode(k.rsa.pem), alg: 'HS256' }),
      { status: 401, message: /accepts RS256 only/ },
    ],
    [
      'signed by another private key',
      (k) => ({ key: k.otherRsa.privateKey }),
      { status: 401, message: /signature does not verify/ },
    ],
    [
      'ES256 from some other key',
      (k) => ({ key: k.ec.privateKey, alg: 'ES256' }),
      { status: 401, message: /accepts RS256 only/ },
    ],
  ];

  it.each(rows)('%s', async (_name, build, expected) => {
    const shape = build(keys);
    const token = await signToken(keys.rsa.privateKey, shape);
    await expectResult(
      await verifierFor(publicKeyMaterial(keys)).verify(`Bearer ${token}`),
      token,
      expected,
    );
  });

  it('refuses alg: none', async () => {
    const token = unsecuredToken();
    await expectResult(
      await verifierFor(publicKeyMaterial(keys)).verify(`Bearer ${token}`),
      token,
      {
        status: 401,
        message: /accepts RS256 only/,
      },
    );
  });
});

describe('JWKS with two keys (rotation by kid)', () => {
  const rows: [string, (k: TestKeys) => TokenShape, Expected][] = [
    [
      'the current key k1',
      (k) => ({ key: k.jwks.k1, kid: 'k1' }),
      { ok: true, role: 'support-agent' },
    ],
    [
      'the next key k2',
      (k) => ({ key: k.jwks.k2, kid: 'k2' }),
      { ok: true, role: 'support-agent' },
    ],
    [
      'a retired or unknown kid',
      (k) => ({ key: k.jwks.k2, kid: 'k0' }),
      { status: 401, message: /key id \(kid\)/ },
    ],
    [
      'kid k1 but signed by k2',
      (k) => ({ key: k.jwks.k2, kid: 'k1' }),
      { status: 401, message: /signature does not verify/ },
    ],
    [
      'no kid while two keys could match',
      (k) => ({ key: k.jwks.k1 }),
      { status: 401, message: /no key id \(kid\) and several keys/ },
    ],
    [
      'HS256 with kid k1 (algorithm confusion)',
      (k) => ({ key: new TextEncoder().encode(k.rsa.pem), alg: 'HS256', kid: 'k1' }),
      { status: 401, message: /accepts RS256 only/ },
    ],
  ];

  it.each(rows)('%s', async (_name, build, expected) => {
    const token = await signToken(keys.jwks.k1, build(keys));
    await expectResult(
      await verifierFor(jwksMaterial(keys)).verify(`Bearer ${token}`),
      token,
      expected,
    );
  });
});

describe('without issuer and audience expectations', () => {
  it('accepts a token that has neither', async () => {
    const token = await signToken(keys.secret, { claims: { iss: undefined, aud: undefined } });
    const verifier = createTokenVerifier(
      { jwt: secretMaterial(keys) },
      { roleClaim: 'role', knownRoles: ROLES, now: () => NOW },
    );
    expect((await verifier.verify(`Bearer ${token}`)).ok).toBe(true);
  });
});

describe('a verified token is remembered briefly, never past its expiry', () => {
  /** A JWKS key lookup that counts how often a signature was checked. */
  function countingJwks(k: TestKeys) {
    const material = jwksMaterial(k) as Extract<JwtKeyMaterial, { kind: 'jwks' }>;
    const counter = { lookups: 0 };
    const getKey: typeof material.getKey = (...args) => {
      counter.lookups += 1;
      return material.getKey(...args);
    };
    return { material: { ...material, getKey }, counter };
  }

  it('checks the signature once per token within a minute, again after it', async () => {
    let now = NOW;
    const { material, counter } = countingJwks(keys);
    const verifier = createTokenVerifier(
      { jwt: material },
      { issuer: ISSUER, audience: AUDIENCE, roleClaim: 'role', knownRoles: ROLES, now: () => now },
    );
    const header = `Bearer ${await signToken(keys.jwks.k1, { kid: 'k1' })}`;
    for (let i = 0; i < 5; i++) expect((await verifier.verify(header)).ok).toBe(true);
    expect(counter.lookups).toBe(1);
    now = new Date(NOW.getTime() + 61_000);
    expect((await verifier.verify(header)).ok).toBe(true);
    expect(counter.lookups).toBe(2);
  });

  it('refuses a remembered token once it has expired', async () => {
    let now = NOW;
    const verifier = createTokenVerifier(
      { jwt: secretMaterial(keys) },
      {
        issuer: ISSUER,
        audience: AUDIENCE,
        roleClaim: 'role',
        knownRoles: ROLES,
        now: () => now,
        clockToleranceSec: 0,
      },
    );
    const header = `Bearer ${await signToken(keys.secret, { claims: { exp: NOW_SEC + 20 } })}`;
    expect((await verifier.verify(header)).ok).toBe(true);
    now = new Date((NOW_SEC + 21) * 1000);
    expect(await verifier.verify(header)).toMatchObject({ ok: false, status: 401 });
  });

  it('never remembers a refusal: a bad token is checked, and refused, every time', async () => {
    const { material, counter } = countingJwks(keys);
    const verifier = createTokenVerifier(
      { jwt: material },
      { issuer: ISSUER, audience: AUDIENCE, roleClaim: 'role', knownRoles: ROLES, now: () => NOW },
    );
    const header = `Bearer ${await signToken(keys.jwks.k1, { kid: 'k1', claims: { role: 'root' } })}`;
    for (let i = 0; i < 3; i++)
      expect(await verifier.verify(header)).toMatchObject({ ok: false, status: 403 });
    expect(counter.lookups).toBe(3);
  });
});

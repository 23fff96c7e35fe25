/**
 * What the HTTP edge answers when authentication fails, and which requests must
 * authenticate at all.
 */
import {
  authenticationFailureResponse,
  requiresAuthentication,
} from '../../../../src/access/authentication';

describe('requiresAuthentication', () => {
  it.each([
    ['GET', '', false], // the landing page: executes nothing
    ['GET', '?query=%7B__typename%7D', true],
    ['GET', '?extensions=%7B%7D', true],
    ['GET', '?anything=1', true],
    ['POST', '', true],
    ['OPTIONS', '', true],
    ['HEAD', '', true],
  ])('%s %s → %p', (method, search, expected) => {
    expect(requiresAuthentication(method, new URLSearchParams(search))).toBe(expected);
  });
});

describe('authenticationFailureResponse', () => {
  it('answers 401 with a Bearer challenge and a GraphQL error (RFC 6750 §3)', () => {
    const missing = authenticationFailureResponse(
      { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Authentication required' },
      false,
    );
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="privgraph"');
    expect(JSON.parse(missing.body)).toEqual({
      errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const invalid = authenticationFailureResponse(
      { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'The token has expired.' },
      true,
    );
    expect(invalid.headers['www-authenticate']).toBe(
      'Bearer realm="privgraph", error="invalid_token"',
    );
  });

  it('answers 403 without a challenge', () => {
    const refused = authenticationFailureResponse(
      { ok: false, status: 403, code: 'FORBIDDEN', message: 'not a role' },
      true,
    );
    expect(refused.status).toBe(403);
    expect(refused.headers).not.toHaveProperty('www-authenticate');
    expect(JSON.parse(refused.body)).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN' } }],
    });
    expect(JSON.parse(refused.body)).not.toHaveProperty('data');
  });
});

/**
 * `PRIVGRAPH_ENFORCE_ACCESS`: field-level access is on unless switched off, and a
 * production gateway refuses to start with it off (SPEC §4; the switch exists only for
 * `npm run bench`, docs/performance.md).
 */
import { readConfig } from '../../../src/server/config';

describe('PRIVGRAPH_ENFORCE_ACCESS', () => {
  it.each([
    [{}, true],
    [{ PRIVGRAPH_ENFORCE_ACCESS: 'on' }, true],
    [{ NODE_ENV: 'production' }, true],
    [{ PRIVGRAPH_ENFORCE_ACCESS: 'off' }, false],
    [{ PRIVGRAPH_ENFORCE_ACCESS: 'off', NODE_ENV: 'benchmark' }, false],
  ])('%j → enforceAccess %s', (env, enforced) => {
    expect(readConfig(env).enforceAccess).toBe(enforced);
  });

  it('is refused with NODE_ENV=production, naming the variable and why', () => {
    expect(() => readConfig({ PRIVGRAPH_ENFORCE_ACCESS: 'off', NODE_ENV: 'production' })).toThrow(
      /PRIVGRAPH_ENFORCE_ACCESS: off is refused with NODE_ENV=production/,
    );
  });

  it('accepts only on or off', () => {
    expect(() => readConfig({ PRIVGRAPH_ENFORCE_ACCESS: 'false' })).toThrow(
      /PRIVGRAPH_ENFORCE_ACCESS/,
    );
  });
});

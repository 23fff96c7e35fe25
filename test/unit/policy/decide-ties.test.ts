import type { DeidentifyMethod } from '../../../src/core/deidentify/method';
import { decideStatic } from '../../../src/core/policy/decide-static';
import type { Decision } from '../../../src/core/policy/decision';
import type { Access } from '../../../src/core/policy/model';
import { RESTRICTIVENESS } from '../../../src/core/policy/restrictiveness';
import { policyOf } from './policy-builder';

/* A parsed policy cannot hold two accesses at one category; a policy built by code can, and
 * the tie-break must still be the documented one. */
describe('decideStatic: equally specific rules, the most restrictive wins', () => {
  const effectOf = (access: Access): Pick<Decision, 'effect' | 'method'> =>
    access === 'allow' || access === 'deny'
      ? { effect: access }
      : { effect: 'transform', method: access };
  const pairs = RESTRICTIVENESS.flatMap((weaker, i) =>
    RESTRICTIVENESS.slice(i + 1).map((stronger) => [weaker, stronger] as const),
  );

  it('orders deny > redact > tokenize > hash > mask > generalize > allow (SPEC §4.3)', () => {
    expect([...RESTRICTIVENESS].reverse()).toEqual([
      'deny',
      'redact',
      'tokenize',
      'hash',
      'mask',
      'generalize',
      'allow',
    ]);
  });

  it.each(pairs)('%s loses to %s, in either order', (weaker, stronger) => {
    for (const rules of [
      [
        ['user.name', weaker],
        ['user.name', stronger],
      ],
      [
        ['user.name', stronger],
        ['user.name', weaker],
      ],
    ] as const) {
      const tied = policyOf({ r: { purposes: ['p'], rules } });
      const decision = decideStatic(tied, {
        role: 'r',
        purpose: 'p',
        category: 'user.name.first',
        collectionPurposes: ['p'],
        defaultMethod: 'redact',
      });
      expect(decision).toMatchObject({ ...effectOf(stronger), rule: { access: stronger } });
    }
  });

  it.each<[DeidentifyMethod, string]>([
    ['hash', 'deidentify'],
    ['generalize', 'mask'],
  ])('`deidentify` ranks as the default method (%s) against mask', (defaultMethod, winner) => {
    const tied = policyOf({
      r: {
        purposes: ['p'],
        rules: [
          ['user.contact', 'mask'],
          ['user.contact', 'deidentify'],
        ],
      },
    });
    const decision = decideStatic(tied, {
      role: 'r',
      purpose: 'p',
      category: 'user.contact.email',
      collectionPurposes: ['p'],
      defaultMethod,
    });
    expect(decision.rule?.access).toBe(winner);
  });
});

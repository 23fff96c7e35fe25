/**
 * Properties of the decision function over random policies (fast-check): categories are
 * drawn from a tiny alphabet so that random rules and fields overlap often.
 */
import fc from 'fast-check';
import type { DeidentifyMethod } from '../../../src/core/deidentify/method';
import { DEIDENTIFY_METHODS } from '../../../src/core/deidentify/method';
import { decideStatic } from '../../../src/core/policy/decide-static';
import type { Decision } from '../../../src/core/policy/decision';
import type { Access, RuleAccess } from '../../../src/core/policy/model';
import { RULE_ACCESS_VALUES } from '../../../src/core/policy/model';
import { categorySpecificity, isCategoryWithin } from '../../../src/core/taxonomy/category-key';
import { policyOf } from './policy-builder';

type RuleSpec = readonly [string, RuleAccess];

const category = fc
  .array(fc.constantFrom('contact', 'email', 'name', 'device'), { maxLength: 3 })
  .map((rest) => ['user', ...rest].join('.'));
const access = fc.constantFrom(...RULE_ACCESS_VALUES);
const rules = fc.array(fc.tuple(category, access), { maxLength: 8 });
const method = fc.constantFrom<DeidentifyMethod>(...DEIDENTIFY_METHODS);

function decide(ruleList: readonly RuleSpec[], field: string, defaultMethod: DeidentifyMethod) {
  return decideStatic(policyOf({ r: { purposes: ['p'], rules: ruleList } }), {
    role: 'r',
    purpose: 'p',
    category: field,
    collectionPurposes: ['p'],
    defaultMethod,
  });
}

const outcome = (d: Decision): string => `${d.effect}/${d.method ?? ''}/${d.reason}`;

describe('decision properties', () => {
  it('a less specific allow never overrides a deny at a deeper (or the same) level', () => {
    fc.assert(
      fc.property(rules, category, fc.nat(), method, (list, field, cut, defaultMethod) => {
        const before = decide(list, field, defaultMethod);
        fc.pre(before.effect === 'deny' && before.rule !== undefined);
        const depth = categorySpecificity(before.rule?.category ?? '');
        const ancestor = field
          .split('.')
          .slice(0, 1 + (cut % depth))
          .join('.');
        const after = decide([...list, [ancestor, 'allow']], field, defaultMethod);
        expect(after.effect).toBe('deny');
      }),
    );
  });

  it('a deny at the field’s own category always denies it', () => {
    fc.assert(
      fc.property(rules, category, method, (list, field, defaultMethod) => {
        expect(decide([...list, [field, 'deny']], field, defaultMethod).effect).toBe('deny');
      }),
    );
  });

  it('rules that do not cover the field never change its decision', () => {
    fc.assert(
      fc.property(rules, rules, category, method, (list, extra, field, defaultMethod) => {
        const unrelated = extra.filter(([c]) => !isCategoryWithin(field, c));
        const before = decide(list, field, defaultMethod);
        const after = decide([...unrelated, ...list], field, defaultMethod);
        expect(outcome(after)).toBe(outcome(before));
      }),
    );
  });

  it('is deterministic and independent of the order the rules are written in', () => {
    fc.assert(
      fc.property(
        rules.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        category,
        method,
        ([list, shuffled], field, defaultMethod) => {
          const once = decide(list, field, defaultMethod);
          expect(decide(list, field, defaultMethod)).toEqual(once);
          expect(outcome(decide(shuffled, field, defaultMethod))).toBe(outcome(once));
        },
      ),
    );
  });

  it('a role with no rules denies every category, and only uncategorised fields are read', () => {
    fc.assert(
      fc.property(category, method, (field, defaultMethod) => {
        expect(decide([], field, defaultMethod)).toEqual({ effect: 'deny', reason: 'NO_RULE' });
      }),
    );
    const empty = policyOf({ r: { purposes: ['p'], rules: [] } });
    const input = {
      role: 'r',
      purpose: 'p',
      collectionPurposes: ['p'],
      defaultMethod: 'redact' as const,
    };
    expect(decideStatic(empty, input)).toEqual({ effect: 'allow', reason: 'NOT_PERSONAL' });
  });

  it('the decision is the winning rule’s access, never something no rule said', () => {
    fc.assert(
      fc.property(rules, category, method, (list, field, defaultMethod) => {
        const decision = decide(list, field, defaultMethod);
        const said = new Set<Access>(
          list
            .filter(([c]) => isCategoryWithin(field, c))
            .map(([, a]) => (a === 'deidentify' ? defaultMethod : a)),
        );
        const got: Access =
          decision.effect === 'transform' ? (decision.method ?? 'deny') : decision.effect;
        if (said.size === 0) expect(decision.reason).toBe('NO_RULE');
        else expect(said.has(got)).toBe(true);
      }),
    );
  });
});

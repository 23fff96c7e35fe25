/**
 * Which of a role's rules cover a category, in the order they take precedence (SPEC §4.3):
 * the most specific first (`user.contact.email` before `user.contact` before `user`,
 * matched on whole segments), then the most restrictive, then the earlier in the file. The
 * first one wins. `decideStatic` decides with it; `explain` and the audit show all of it.
 */
import { defaultMethodFor } from '../deidentify/default-method';
import type { DeidentifyMethod } from '../deidentify/method';
import { categorySpecificity, isCategoryWithin } from '../taxonomy/category-key';
import type { Access, Policy, RuleAccess } from './model';
import { resolveAccess, restrictivenessOf } from './restrictiveness';

export interface MatchedRule {
  readonly role: string;
  readonly index: number;
  readonly category: string;
  readonly access: RuleAccess;
  /** `access` with `deidentify` resolved to the field's default method. */
  readonly resolved: Access;
  /** Segments in the rule's category: higher is more specific. */
  readonly specificity: number;
  readonly won: boolean;
}

/**
 * Every rule of `role` covering `category`, winner first (`won: true`); empty for an unknown
 * role or when no rule matches. `defaultMethod` ranks `deidentify` rules; it defaults to the
 * category's entry in the default-method table.
 */
export function matchingRules(
  policy: Policy,
  role: string,
  category: string,
  defaultMethod: DeidentifyMethod = defaultMethodFor(category),
): MatchedRule[] {
  const rules = policy.roles.get(role)?.rules ?? [];
  const matched = rules
    .filter((rule) => isCategoryWithin(category, rule.category))
    .map((rule) => ({
      role,
      index: rule.index,
      category: rule.category,
      access: rule.access,
      resolved: resolveAccess(rule.access, defaultMethod),
      specificity: categorySpecificity(rule.category),
    }))
    .sort(
      (a, b) =>
        b.specificity - a.specificity ||
        restrictivenessOf(b.resolved) - restrictivenessOf(a.resolved) ||
        a.index - b.index,
    );
  return matched.map((rule, position) => ({ ...rule, won: position === 0 }));
}

/**
 * A consent-gated purpose granted raw direct identifiers (issue #6 item 4): consent to
 * marketing or analytics is consent to processing for that purpose, not to seeing who the
 * person is. Such purposes should work on pseudonyms (`hash`: a keyed pseudonym that still
 * joins) — PIPL art. 6, "the minimum scope necessary". Direct identifiers: contact data,
 * names and unique ids.
 */
import { isCategoryWithin } from '../taxonomy/category-key';
import { rulePath } from './decision-summary';
import type { LintContext } from './lint-context';
import { decisionsOf } from './lint-context';
import type { LintFinding } from './lint-finding';

export const DIRECT_IDENTIFIERS: readonly string[] = [
  'user.contact',
  'user.name',
  'user.unique_id',
];

const isDirectIdentifier = (category: string): boolean =>
  DIRECT_IDENTIFIERS.some((root) => isCategoryWithin(category, root));

export function lintConsentIdentifiers(context: LintContext): LintFinding[] {
  /** `role purpose ruleIndex` → fields read raw under it. */
  const found = new Map<
    string,
    { role: string; purpose: string; index: number; fields: string[] }
  >();
  for (const row of context.rows) {
    const category = row.field.category;
    if (category === undefined || !isDirectIdentifier(category)) continue;
    for (const { column, decision } of decisionsOf(context, row)) {
      if (decision.effect !== 'allow' || !decision.rule) continue;
      if (context.policy.purposes.get(column.purpose)?.requiresConsent !== true) continue;
      const key = `${column.role} ${column.purpose} ${decision.rule.index}`;
      const entry = found.get(key) ?? { ...column, index: decision.rule.index, fields: [] };
      entry.fields.push(row.field.address);
      found.set(key, entry);
    }
  }
  return [...found.values()].map(({ role, purpose, index, fields }) => {
    const rule = context.policy.roles.get(role)?.rules.find((r) => r.index === index);
    return {
      severity: 'warning',
      code: 'CONSENT_PURPOSE_RAW_IDENTIFIER',
      file: context.policy.sourceFile,
      path: rulePath(role, index),
      message: `role '${role}' reads direct identifiers raw for consent-gated purpose '${purpose}': rule ${index} (${rule?.category ?? '?'} → ${rule?.access ?? '?'}) lets through ${fields.join(', ')}`,
      fix: `give ${role} hash (a pseudonym that still joins) or mask for ${rule?.category ?? 'them'}, unless ${purpose} truly needs the person's identity`,
    };
  });
}

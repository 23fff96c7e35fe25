/**
 * The words of a decision in a report cell, shared by the Markdown and HTML renderers so
 * both say the same thing: `allow`, the method (`mask`), `deny` by a rule, `no rule` (deny by
 * default), `—` (not collected for the purpose), `not personal` (no category).
 */
import type { Decision, DecisionRule } from '../../policy/decision';
import { accessLabel, rulePath } from '../decision-summary';

export function cellLabel(decision: Decision): string {
  switch (decision.reason) {
    case 'PURPOSE_MISMATCH':
      return '—';
    case 'NO_RULE':
      return 'no rule';
    case 'NOT_PERSONAL':
      return 'not personal';
    case 'PURPOSE_NOT_ALLOWED':
      return 'purpose not allowed';
    case 'UNKNOWN_ROLE':
      return 'unknown role';
    default:
      return accessLabel(decision);
  }
}

/** `roles.dpo.rules.0 (user → allow)`. */
export function ruleText(rule: DecisionRule): string {
  return `${rulePath(rule.role, rule.index)} (${rule.category} → ${rule.access})`;
}

/** `mask · RULE · roles.support-agent.rules.1 (user.contact → mask)`: everything a diff
 * compares, in one line. */
export function decisionText(decision: Decision): string {
  return [
    accessLabel(decision),
    decision.reason,
    ...(decision.rule ? [ruleText(decision.rule)] : []),
  ].join(' · ');
}

/** What the cell labels mean, for the reports' legends. */
export const CELL_LEGEND: readonly (readonly [string, string])[] = [
  ['allow', 'the value as stored'],
  ['mask, hash, tokenize, generalize, redact', 'de-identified by that method'],
  ['deny', 'denied by a rule'],
  ['no rule', 'denied by default: no rule covers the category'],
  ['—', 'not collected for the purpose (purpose limitation, PURPOSE_MISMATCH)'],
  ['not personal', 'the field has no category: not personal data, shown as stored'],
];

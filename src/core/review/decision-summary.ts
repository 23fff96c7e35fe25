/**
 * How a decision reads in a review: a label (`allow`, `mask`, `deny`), a class for colour
 * (allow / de-identified / deny), a rank to compare two decisions by what they reveal, and
 * the equality `policy diff` uses. One place, so the Markdown, the HTML, the GraphQL answer
 * and the tests all name a decision the same way.
 */
import type { Decision } from '../policy/decision';
import type { Access } from '../policy/model';
import { restrictivenessOf } from '../policy/restrictiveness';

export type AccessClass = 'allow' | 'deidentified' | 'deny';

/** The access a decision amounts to: `allow`, a method, or `deny`. */
export function accessOf(decision: Decision): Access {
  if (decision.effect === 'transform') return decision.method ?? 'redact';
  return decision.effect;
}

export function accessClassOf(decision: Decision): AccessClass {
  if (decision.effect === 'transform') return 'deidentified';
  return decision.effect;
}

/** `allow`, `mask`, `deny`: what the caller gets. */
export function accessLabel(decision: Decision): string {
  return accessOf(decision);
}

/** `deny (NO_RULE)`, `mask (RULE)`, `allow (NOT_PERSONAL)`. */
export function decisionLabel(decision: Decision): string {
  return `${accessLabel(decision)} (${decision.reason})`;
}

/** `roles.<role>.rules.<index>`: where the rule is in the policy file. */
export function rulePath(role: string, index: number): string {
  return `roles.${role}.rules.${index}`;
}

/** Higher reveals less: allow < generalize < mask < hash < tokenize < redact < deny. */
export function restrictivenessOfDecision(decision: Decision): number {
  return restrictivenessOf(accessOf(decision));
}

/** The one of two decisions that reveals more (the first on a tie). */
export function lessRestrictive(a: Decision, b: Decision): Decision {
  return restrictivenessOfDecision(b) < restrictivenessOfDecision(a) ? b : a;
}

/**
 * Whether two decisions differ for a reviewer: in effect, method, reason, or the rule that
 * produced them (its category and access). A rule that only moved in the file (another rule
 * inserted above it) is the same rule, not a change.
 */
export function sameDecision(a: Decision, b: Decision): boolean {
  return (
    a.effect === b.effect &&
    a.method === b.method &&
    a.reason === b.reason &&
    a.rule?.category === b.rule?.category &&
    a.rule?.access === b.rule?.access
  );
}

/**
 * A field-level access decision (SPEC §4.3; STYLE "decisions are values"): returned, never
 * thrown, and carrying its reason and the rule behind it, so `explain`, the audit trail and
 * the GraphQL error are all made from the same value.
 */
import type { DeidentifyMethod } from '../deidentify/method';
import type { RuleAccess } from './model';

export type DecisionEffect = 'allow' | 'deny' | 'transform';

export type DecisionReason =
  /** A rule decided (the most specific, then the most restrictive). */
  | 'RULE'
  /** The field has no category: it is not personal data and needs no rule. */
  | 'NOT_PERSONAL'
  /** No rule covers the category: denied by default. */
  | 'NO_RULE'
  /** The purpose is not one of the role's (compared exactly). */
  | 'PURPOSE_NOT_ALLOWED'
  /** The collection is not processed for this purpose and the purpose is not universal. */
  | 'PURPOSE_MISMATCH'
  /** The purpose needs consent and the subject has none active. */
  | 'NO_CONSENT'
  /** The subject is under 14 without guardian consent (recorded, never shown: SPEC §4.4). */
  | 'MINOR'
  /** The caller's role is not in the policy. */
  | 'UNKNOWN_ROLE';

/** The rule a decision came from, addressable as `roles.<role>.rules.<index>`. */
export interface DecisionRule {
  readonly role: string;
  readonly index: number;
  readonly category: string;
  /** As written; `deidentify` is resolved in the decision's `method`. */
  readonly access: RuleAccess;
}

export interface Decision {
  readonly effect: DecisionEffect;
  /** Present exactly when `effect` is `transform`. `redact` answers null. */
  readonly method?: DeidentifyMethod;
  readonly reason: DecisionReason;
  readonly rule?: DecisionRule;
}

export function allowDecision(reason: DecisionReason, rule?: DecisionRule): Decision {
  return rule ? { effect: 'allow', reason, rule } : { effect: 'allow', reason };
}

export function denyDecision(reason: DecisionReason, rule?: DecisionRule): Decision {
  return rule ? { effect: 'deny', reason, rule } : { effect: 'deny', reason };
}

export function transformDecision(
  method: DeidentifyMethod,
  reason: DecisionReason,
  rule?: DecisionRule,
): Decision {
  return rule
    ? { effect: 'transform', method, reason, rule }
    : { effect: 'transform', method, reason };
}

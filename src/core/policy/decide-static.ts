/**
 * The role-level decision for one (role, purpose, field) — SPEC §4.2–§4.3 — that does not
 * depend on who the data is about, so it is computed once per policy version and reused for
 * every row (SPEC §4.6). Per-subject facts (consent, age) refine it: `refine-for-subject.ts`.
 *
 * Order of the checks, each ending the decision:
 * 1. the role must exist (`UNKNOWN_ROLE`);
 * 2. the purpose must be one of the role's, compared exactly — no case folding, no trimming
 *    (`PURPOSE_NOT_ALLOWED`);
 * 3. the collection must be processed for the purpose, unless the purpose is universal
 *    (`PURPOSE_MISMATCH`, PIPL art. 6 purpose limitation). This comes before the
 *    not-personal check so a collection read for a foreign purpose yields nothing at all,
 *    not even its row count through uncategorised columns;
 * 4. a field with no category is not personal data (`NOT_PERSONAL`, allowed);
 * 5. the winning rule decides (`RULE`); no rule → deny (`NO_RULE`, deny by default).
 */
import type { DeidentifyMethod } from '../deidentify/method';
import type { Decision, DecisionRule } from './decision';
import { allowDecision, denyDecision, transformDecision } from './decision';
import { matchingRules } from './matching-rules';
import type { Policy } from './model';

export interface StaticDecisionInput {
  readonly role: string;
  readonly purpose: string;
  /** The field's data category; absent for a field that is not personal data. */
  readonly category?: string;
  /** The purposes the field's collection lists in the data map. */
  readonly collectionPurposes: readonly string[];
  /** The field's default de-identification, what a `deidentify` rule means for it. */
  readonly defaultMethod: DeidentifyMethod;
}

export function decideStatic(policy: Policy, input: StaticDecisionInput): Decision {
  const role = policy.roles.get(input.role);
  if (!role) return denyDecision('UNKNOWN_ROLE');
  if (!role.purposes.includes(input.purpose)) return denyDecision('PURPOSE_NOT_ALLOWED');
  const universal = policy.purposes.get(input.purpose)?.universal === true;
  if (!universal && !input.collectionPurposes.includes(input.purpose))
    return denyDecision('PURPOSE_MISMATCH');
  if (input.category === undefined) return allowDecision('NOT_PERSONAL');

  const [winner] = matchingRules(policy, role.key, input.category, input.defaultMethod);
  if (!winner) return denyDecision('NO_RULE');
  const rule: DecisionRule = {
    role: winner.role,
    index: winner.index,
    category: winner.category,
    access: winner.access,
  };
  switch (winner.resolved) {
    case 'allow':
      return allowDecision('RULE', rule);
    case 'deny':
      return denyDecision('RULE', rule);
    default:
      return transformDecision(winner.resolved, 'RULE', rule);
  }
}

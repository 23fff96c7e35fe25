/**
 * Why a matching rule lost to the winner (SPEC §4.3: "the most specific matching rule wins;
 * among equally specific ones the most restrictive wins"). `matchingRules` ranks them; this
 * says, for each loser, which step of the ranking it lost at, in words a reviewer can check
 * against the file.
 */
import type { MatchedRule } from '../policy/matching-rules';
import { matchingRules } from '../policy/matching-rules';
import type { Access, Policy, RuleAccess } from '../policy/model';
import { restrictivenessOf } from '../policy/restrictiveness';
import type { DeidentifyMethod } from '../deidentify/method';
import { rulePath } from './decision-summary';

export interface RankedRule {
  readonly role: string;
  readonly index: number;
  /** `roles.<role>.rules.<index>`. */
  readonly path: string;
  readonly category: string;
  /** As written (`deidentify` included). */
  readonly access: RuleAccess;
  /** `deidentify` resolved to the field's default method. */
  readonly resolved: Access;
}

export type LostBecause = 'MORE_GENERAL' | 'LESS_RESTRICTIVE' | 'LATER_IN_FILE';

export interface BeatenRule extends RankedRule {
  readonly lostBecause: LostBecause;
  /** One sentence naming both rules. */
  readonly why: string;
}

export interface RuleContest {
  /** The top-ranked covering rule; it decides unless an earlier check already did. */
  readonly winner?: RankedRule;
  readonly beaten: readonly BeatenRule[];
}

function ranked(rule: MatchedRule): RankedRule {
  return {
    role: rule.role,
    index: rule.index,
    path: rulePath(rule.role, rule.index),
    category: rule.category,
    access: rule.access,
    resolved: rule.resolved,
  };
}

function lostTo(winner: MatchedRule, loser: MatchedRule): BeatenRule {
  const loserText = `rule ${loser.index} (${loser.category} → ${loser.access})`;
  const winnerText = `rule ${winner.index} (${winner.category} → ${winner.access})`;
  if (loser.specificity < winner.specificity)
    return {
      ...ranked(loser),
      lostBecause: 'MORE_GENERAL',
      why: `${loserText} is more general than ${winnerText}: the most specific rule wins`,
    };
  if (restrictivenessOf(loser.resolved) < restrictivenessOf(winner.resolved))
    return {
      ...ranked(loser),
      lostBecause: 'LESS_RESTRICTIVE',
      why: `${loserText} is as specific as ${winnerText} but ${loser.resolved} is less restrictive than ${winner.resolved}: among equally specific rules the most restrictive wins`,
    };
  return {
    ...ranked(loser),
    lostBecause: 'LATER_IN_FILE',
    why: `${loserText} is as specific and as restrictive as ${winnerText}, which comes first in the file`,
  };
}

/** The contest among `role`'s rules for `category`. */
export function ruleContest(
  policy: Policy,
  role: string,
  category: string,
  defaultMethod: DeidentifyMethod,
): RuleContest {
  const [winner, ...losers] = matchingRules(policy, role, category, defaultMethod);
  if (!winner) return { beaten: [] };
  return { winner: ranked(winner), beaten: losers.map((loser) => lostTo(winner, loser)) };
}

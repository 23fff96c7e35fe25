/**
 * One sentence per decision reason (the checks of SPEC §4.2–§4.3, in `decideStatic`'s
 * order), naming what decided: the rule and why it won, the purpose the role lacks, the
 * purposes the collection lists. The first line of every `explain` report.
 */
import { didYouMean } from '../datamap/did-you-mean';
import type { Decision } from '../policy/decision';
import type { Policy } from '../policy/model';
import { accessLabel } from './decision-summary';
import type { PurposeFacts } from './purpose-facts';
import type { ReviewField } from './review-field';
import type { BeatenRule, RankedRule } from './rule-contest';

export interface ExplainedDecision {
  readonly role: string;
  readonly purpose: string;
  readonly field?: ReviewField;
  readonly category?: string;
  readonly decision: Decision;
  readonly winner?: RankedRule;
  readonly beaten: readonly BeatenRule[];
  readonly purposeFacts: PurposeFacts;
}

function subjectOf(e: ExplainedDecision): string {
  if (!e.field) return `category ${e.category ?? '?'}`;
  const at = e.field.coordinate ? ` (${e.field.coordinate})` : '';
  return `${e.field.address}${at}`;
}

function ruleSentence(e: ExplainedDecision, winner: RankedRule): string {
  const tied = e.beaten.some((b) => b.lostBecause !== 'MORE_GENERAL');
  const rank = tied ? 'the most specific and most restrictive' : 'the most specific';
  const resolved =
    winner.access === 'deidentify' ? ` (the field's default, ${winner.resolved})` : '';
  return `${winner.path} (${winner.category} → ${winner.access}${resolved}) is ${rank} rule covering ${e.category ?? '?'}`;
}

export function explainSentence(policy: Policy, e: ExplainedDecision): string {
  const head = `${e.role} reading ${subjectOf(e)} for ${e.purpose}: ${accessLabel(e.decision)}`;
  const role = policy.roles.get(e.role);
  switch (e.decision.reason) {
    case 'UNKNOWN_ROLE':
      return `${head} — the policy has no role '${e.role}' (${didYouMean(e.role, policy.roles.keys(), 'no similar role')})`;
    case 'PURPOSE_NOT_ALLOWED':
      return `${head} — ${e.purpose} is not one of ${e.role}'s purposes (${role?.purposes.join(', ') ?? ''}); the operation is refused before any field is read`;
    case 'PURPOSE_MISMATCH':
      return `${head} — ${e.field?.collection ?? 'the collection'} is processed only for ${(e.purposeFacts.collectionPurposes ?? []).join(', ')}, and ${e.purpose} is not universal (purpose limitation)`;
    case 'NOT_PERSONAL':
      return `${head} — the field has no category: not personal data, no rule needed`;
    case 'NO_RULE':
      return `${head} — no rule of ${e.role} covers ${e.category ?? '?'}: denied by default`;
    default:
      return e.winner ? `${head} — ${ruleSentence(e, e.winner)}` : head;
  }
}

/**
 * `explain` (SPEC §7, issue #6 item 4): for (role, purpose, coordinate or category), the
 * decision, its reason, the rule that produced it, every other covering rule with why it
 * lost, and the purpose-limitation facts. The decision is the gateway's own (`decideStatic`
 * via `decideField`), so an explanation can never disagree with what is enforced.
 *
 * A coordinate is a GraphQL schema coordinate (`AccountsUsers.email`) or a field address
 * (`accounts.users.email`). A category is explained as if collected for the purpose, and
 * lists every field of the map holding it (or a category below it) with its own decision.
 */
import type { DataMap } from '../datamap/model';
import { didYouMean } from '../datamap/did-you-mean';
import { defaultMethodFor } from '../deidentify/default-method';
import { decideStatic } from '../policy/decide-static';
import type { Decision } from '../policy/decision';
import type { Policy } from '../policy/model';
import { isCategoryWithin } from '../taxonomy/category-key';
import type { PurposeFacts } from './purpose-facts';
import { purposeFactsOf } from './purpose-facts';
import type { FieldCoordinates, ReviewField } from './review-field';
import { decideField, reviewFieldsOf } from './review-field';
import type { BeatenRule, RankedRule } from './rule-contest';
import { ruleContest } from './rule-contest';
import { explainSentence } from './explain-sentence';

export interface ExplainQuery {
  readonly role: string;
  readonly purpose: string;
  /** Exactly one of `coordinate` and `category`. */
  readonly coordinate?: string;
  readonly category?: string;
}

export interface FieldDecision {
  readonly field: ReviewField;
  readonly decision: Decision;
}

export interface AccessExplanation {
  readonly role: string;
  readonly purpose: string;
  /** The field asked about (a coordinate query). */
  readonly field?: ReviewField;
  /** The category decided on: the field's, or the one asked about; absent for a field
   * without a category. */
  readonly category?: string;
  readonly decision: Decision;
  /** The top-ranked covering rule. It produced the decision when `decision.reason` is
   * `RULE`; otherwise an earlier check decided and it would apply once that check passes. */
  readonly winner?: RankedRule;
  readonly beaten: readonly BeatenRule[];
  readonly purposeFacts: PurposeFacts;
  /** A category query: each field of the map in that category, with its decision. */
  readonly fields: readonly FieldDecision[];
  /** The decision in one sentence. */
  readonly summary: string;
}

export type ExplainResult =
  | { readonly ok: true; readonly explanation: AccessExplanation }
  | { readonly ok: false; readonly message: string; readonly hint: string };

const refuse = (message: string, hint: string): ExplainResult => ({ ok: false, message, hint });

export function explainAccess(
  policy: Policy,
  map: DataMap,
  query: ExplainQuery,
  coordinates: FieldCoordinates = new Map(),
): ExplainResult {
  const { role, purpose, coordinate, category } = query;
  if ((coordinate === undefined) === (category === undefined))
    return refuse('give exactly one of a coordinate and a category', 'e.g. AccountsUsers.email');
  const fields = reviewFieldsOf(map, coordinates);
  if (coordinate !== undefined) {
    const field =
      fields.find((f) => f.coordinate === coordinate) ??
      fields.find((f) => f.address === coordinate);
    if (!field) {
      // Suggest in the form asked: a coordinate has one dot, an address two.
      const asAddress = coordinate.split('.').length > 2;
      const known = fields.flatMap((f) => (asAddress ? [f.address] : (f.coordinate ?? [])));
      return refuse(
        `no field at '${coordinate}'`,
        didYouMean(
          coordinate,
          known,
          'use a schema coordinate (AccountsUsers.email) or a field address (accounts.users.email)',
        ),
      );
    }
    return { ok: true, explanation: explainField(policy, role, purpose, field) };
  }
  const key = category ?? '';
  if (!map.categories.has(key))
    return refuse(
      `unknown category '${key}'`,
      didYouMean(
        key,
        map.categories.keys(),
        'use a category of the taxonomy, e.g. user.contact.email',
      ),
    );
  return { ok: true, explanation: explainCategory(policy, role, purpose, key, fields) };
}

function explainField(
  policy: Policy,
  role: string,
  purpose: string,
  field: ReviewField,
): AccessExplanation {
  const decision = decideField(policy, field, role, purpose);
  const contest =
    field.category === undefined
      ? { beaten: [] }
      : ruleContest(policy, role, field.category, field.defaultMethod);
  const facts = purposeFactsOf(
    policy,
    role,
    purpose,
    decision,
    field.defaultMethod,
    field.collectionPurposes,
  );
  const base = {
    role,
    purpose,
    field,
    ...(field.category === undefined ? {} : { category: field.category }),
    decision,
    ...(contest.winner ? { winner: contest.winner } : {}),
    beaten: contest.beaten,
    purposeFacts: facts,
    fields: [],
  };
  return { ...base, summary: explainSentence(policy, base) };
}

function explainCategory(
  policy: Policy,
  role: string,
  purpose: string,
  category: string,
  fields: readonly ReviewField[],
): AccessExplanation {
  const defaultMethod = defaultMethodFor(category);
  // As if a collection processed for the purpose held it: the rule's own verdict.
  const decision = decideStatic(policy, {
    role,
    purpose,
    category,
    collectionPurposes: [purpose],
    defaultMethod,
  });
  const contest = ruleContest(policy, role, category, defaultMethod);
  const base = {
    role,
    purpose,
    category,
    decision,
    ...(contest.winner ? { winner: contest.winner } : {}),
    beaten: contest.beaten,
    purposeFacts: purposeFactsOf(policy, role, purpose, decision, defaultMethod),
    fields: fields
      .filter((f) => f.category !== undefined && isCategoryWithin(f.category, category))
      .map((field) => ({ field, decision: decideField(policy, field, role, purpose) })),
  };
  return { ...base, summary: explainSentence(policy, base) };
}

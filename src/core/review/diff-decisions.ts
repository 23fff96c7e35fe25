/**
 * `policy diff` (SPEC §7, issue #6 item 4): every (role, purpose, field) whose decision a
 * change would alter, from → to, so a reviewer sees a pull request's effect before it lands.
 * Either the policy changes (same map) or the data map does (same policy); both sides are
 * decided by the gateway's own `decideStatic`.
 *
 * Compared: every (role, purpose) either policy allows — a purpose taken from a role shows
 * as `PURPOSE_NOT_ALLOWED`, a removed role as `UNKNOWN_ROLE` — and every field either map
 * has; a field only one map has is absent (`from` or `to` missing) on the other side. A
 * decision changes when its effect, method, reason or rule (category and access) does: a rule
 * that merely moved in the file is not a change. Sorted by role, purpose and field address.
 */
import type { DataMap } from '../datamap/model';
import type { Decision } from '../policy/decision';
import type { Policy } from '../policy/model';
import { restrictivenessOfDecision, sameDecision } from './decision-summary';
import { compareText } from './lint-finding';
import type { FieldCoordinates, ReviewField, RolePurpose } from './review-field';
import { decideField, reviewFieldsOf, rolePurposesOf } from './review-field';

export interface ReviewSide {
  readonly policy: Policy;
  readonly map: DataMap;
  readonly coordinates?: FieldCoordinates;
}

/** `wider`: the change reveals more (to is less restrictive); `narrower`: less; `same`:
 * as much, for another reason or by another rule; `added`/`removed`: the field itself. */
export type ChangeDirection = 'wider' | 'narrower' | 'same' | 'added' | 'removed';

export interface DecisionChange {
  readonly role: string;
  readonly purpose: string;
  /** As the proposed side has it (the current side for a removed field). */
  readonly field: ReviewField;
  readonly from?: Decision;
  readonly to?: Decision;
  readonly direction: ChangeDirection;
}

export interface DecisionDiff {
  readonly fromVersion: { readonly policy: string; readonly dataMap: string };
  readonly toVersion: { readonly policy: string; readonly dataMap: string };
  /** How many (role, purpose, field) decisions were compared. */
  readonly compared: number;
  readonly changes: readonly DecisionChange[];
}

function directionOf(from: Decision | undefined, to: Decision | undefined): ChangeDirection {
  if (!from) return 'added';
  if (!to) return 'removed';
  const delta = restrictivenessOfDecision(to) - restrictivenessOfDecision(from);
  return delta < 0 ? 'wider' : delta > 0 ? 'narrower' : 'same';
}

function unionOfPairs(a: readonly RolePurpose[], b: readonly RolePurpose[]): RolePurpose[] {
  const seen = new Map<string, RolePurpose>();
  for (const pair of [...a, ...b]) seen.set(`${pair.role}\u0000${pair.purpose}`, pair);
  return [...seen.values()];
}

export function diffDecisions(before: ReviewSide, after: ReviewSide): DecisionDiff {
  const fromFields = new Map(
    reviewFieldsOf(before.map, before.coordinates).map((f) => [f.address, f]),
  );
  const toFields = new Map(reviewFieldsOf(after.map, after.coordinates).map((f) => [f.address, f]));
  const addresses = [...new Set([...fromFields.keys(), ...toFields.keys()])];
  const pairs = unionOfPairs(rolePurposesOf(before.policy), rolePurposesOf(after.policy));
  const changes: DecisionChange[] = [];
  for (const { role, purpose } of pairs) {
    for (const address of addresses) {
      const was = fromFields.get(address);
      const now = toFields.get(address);
      const from = was && decideField(before.policy, was, role, purpose);
      const to = now && decideField(after.policy, now, role, purpose);
      if (from && to && sameDecision(from, to)) continue;
      const field = now ?? was;
      if (!field) continue;
      changes.push({
        role,
        purpose,
        field,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        direction: directionOf(from, to),
      });
    }
  }
  changes.sort(
    (a, b) =>
      compareText(a.role, b.role) ||
      compareText(a.purpose, b.purpose) ||
      compareText(a.field.address, b.field.address),
  );
  return {
    fromVersion: { policy: before.policy.contentHash, dataMap: before.map.contentHash },
    toVersion: { policy: after.policy.contentHash, dataMap: after.map.contentHash },
    compared: pairs.length * addresses.length,
    changes,
  };
}

/** A policy change over one map. */
export function diffPolicies(
  before: Policy,
  after: Policy,
  map: DataMap,
  coordinates?: FieldCoordinates,
): DecisionDiff {
  const side = (policy: Policy): ReviewSide => ({
    policy,
    map,
    ...(coordinates ? { coordinates } : {}),
  });
  return diffDecisions(side(before), side(after));
}

/** A data-map change under one policy (which must be valid against both maps). */
export function diffDataMaps(
  policy: Policy,
  before: DataMap,
  after: DataMap,
  coordinates: { readonly before?: FieldCoordinates; readonly after?: FieldCoordinates } = {},
): DecisionDiff {
  return diffDecisions(
    { policy, map: before, ...(coordinates.before ? { coordinates: coordinates.before } : {}) },
    { policy, map: after, ...(coordinates.after ? { coordinates: coordinates.after } : {}) },
  );
}

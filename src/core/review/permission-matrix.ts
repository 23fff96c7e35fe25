/**
 * `permissionMatrix` (SPEC §7): the whole policy at a glance, in two tables.
 *
 * - role × category: what each role gets of each category the map holds, per purpose where
 *   the purposes differ. A (role, purpose, category) cell is decided on the fields of that
 *   category whose collection the purpose may read; when none may be read it is the
 *   `PURPOSE_MISMATCH` deny ("not collected for this purpose"). Fields of one category can
 *   resolve a `deidentify` rule to different defaults (by identity format): the cell shows
 *   the least restrictive, the one a reviewer must accept; the field table shows each.
 * - role × field: every field (address and GraphQL coordinate) × every (role, purpose) the
 *   policy allows → effect, method, reason, rule.
 */
import type { DataMap } from '../datamap/model';
import type { Decision } from '../policy/decision';
import { denyDecision } from '../policy/decision';
import type { Policy } from '../policy/model';
import { lessRestrictive, sameDecision } from './decision-summary';
import type { FieldCoordinates, ReviewField, RolePurpose } from './review-field';
import { decideField, reviewFieldsOf, rolePurposesOf } from './review-field';

export interface PurposeDecision {
  readonly purpose: string;
  readonly decision: Decision;
}

export interface CategoryCell {
  readonly category: string;
  /** The least restrictive over the role's purposes: the most the role can get. */
  readonly decision: Decision;
  /** One entry per purpose of the role, in the role's order. */
  readonly byPurpose: readonly PurposeDecision[];
  /** Every purpose gives the same decision. */
  readonly uniform: boolean;
}

export interface MatrixRole {
  readonly role: string;
  readonly purposes: readonly string[];
  readonly cells: readonly CategoryCell[];
}

export interface FieldRow {
  readonly field: ReviewField;
  /** Aligned with `PermissionMatrix.columns`. */
  readonly decisions: readonly Decision[];
}

export interface PermissionMatrix {
  readonly policyVersion: string;
  readonly dataMapVersion: string;
  /** Categories held by some field of the map, sorted. */
  readonly categories: readonly string[];
  readonly roles: readonly MatrixRole[];
  /** The (role, purpose) pairs of the field table, in the policy's order. */
  readonly columns: readonly RolePurpose[];
  readonly fields: readonly FieldRow[];
}

function categoryDecision(decisions: readonly Decision[]): Decision {
  const inScope = decisions.filter((d) => d.reason !== 'PURPOSE_MISMATCH');
  const [first, ...rest] = inScope;
  if (!first) return denyDecision('PURPOSE_MISMATCH');
  return rest.reduce(lessRestrictive, first);
}

function categoryCell(
  category: string,
  purposes: readonly string[],
  decide: (purpose: string, category: string) => Decision,
): CategoryCell {
  const byPurpose = purposes.map((purpose) => ({ purpose, decision: decide(purpose, category) }));
  const [first, ...rest] = byPurpose.map((p) => p.decision);
  const decision = first
    ? rest.reduce(lessRestrictive, first)
    : denyDecision('PURPOSE_NOT_ALLOWED');
  return {
    category,
    decision,
    byPurpose,
    uniform: rest.every((d) => first !== undefined && sameDecision(d, first)),
  };
}

export function permissionMatrix(
  policy: Policy,
  map: DataMap,
  coordinates: FieldCoordinates = new Map(),
): PermissionMatrix {
  const fields = reviewFieldsOf(map, coordinates);
  const columns = rolePurposesOf(policy);
  const rows: FieldRow[] = fields.map((field) => ({
    field,
    decisions: columns.map(({ role, purpose }) => decideField(policy, field, role, purpose)),
  }));
  const categories = [
    ...new Set(fields.flatMap((f) => (f.category === undefined ? [] : [f.category]))),
  ].sort();
  const roles = [...policy.roles.values()].map((role): MatrixRole => {
    const decide = (purpose: string, category: string): Decision => {
      const column = columns.findIndex((c) => c.role === role.key && c.purpose === purpose);
      return categoryDecision(
        rows.filter((r) => r.field.category === category).map((r) => r.decisions[column]!),
      );
    };
    return {
      role: role.key,
      purposes: role.purposes,
      cells: categories.map((category) => categoryCell(category, role.purposes, decide)),
    };
  });
  return {
    policyVersion: policy.contentHash,
    dataMapVersion: map.contentHash,
    categories,
    roles,
    columns,
    fields: rows,
  };
}

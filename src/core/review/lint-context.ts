/**
 * What every lint check reads: the policy, the map, and each field's decision for every
 * (role, purpose) the policy allows — computed once (the permission matrix's field table).
 */
import type { DataMap } from '../datamap/model';
import type { Decision } from '../policy/decision';
import type { Policy } from '../policy/model';
import type { FieldRow } from './permission-matrix';
import type { RolePurpose } from './review-field';

export interface LintContext {
  readonly policy: Policy;
  readonly map: DataMap;
  readonly columns: readonly RolePurpose[];
  readonly rows: readonly FieldRow[];
}

/** Every (column, decision) of a row, for checks that look across roles and purposes. */
export function decisionsOf(
  context: LintContext,
  row: FieldRow,
): { readonly column: RolePurpose; readonly decision: Decision }[] {
  return context.columns.map((column, i) => ({ column, decision: row.decisions[i]! }));
}

/**
 * A category the map holds that no role may read in any form (issue #6 item 4): every
 * (role, purpose) is denied every field of it, or gets only `redact` (null). Either the
 * policy misses a rule for whoever needs it, or the data is kept for nobody — against PIPL
 * art. 6's "minimum necessary" — and should not be collected.
 *
 * Secrets are the exception: a password hash or an SMS code is used by the system that holds
 * it, never read through the gateway, and `RAW_CREDENTIALS` asks for exactly this state.
 */
import { isCategoryWithin } from '../taxonomy/category-key';
import type { LintContext } from './lint-context';
import type { LintFinding } from './lint-finding';
import type { FieldRow } from './permission-matrix';

/** Categories nobody should read through the gateway. */
const MEANT_UNREADABLE: readonly string[] = ['user.credentials', 'user.authorization'];

function readable(row: FieldRow): boolean {
  return row.decisions.some(
    (d) => d.effect === 'allow' || (d.effect === 'transform' && d.method !== 'redact'),
  );
}

export function lintUnreadCategories(context: LintContext): LintFinding[] {
  const byCategory = new Map<string, FieldRow[]>();
  for (const row of context.rows) {
    const category = row.field.category;
    if (category === undefined || MEANT_UNREADABLE.some((root) => isCategoryWithin(category, root)))
      continue;
    byCategory.set(category, [...(byCategory.get(category) ?? []), row]);
  }
  const findings: LintFinding[] = [];
  for (const [category, rows] of byCategory) {
    if (rows.some(readable)) continue;
    const [first] = rows;
    if (!first) continue;
    findings.push({
      severity: 'warning',
      code: 'UNREADABLE_CATEGORY',
      file: context.map.sourceFile,
      path: first.field.mapPath,
      message: `no role may read ${category} in any form, held by ${rows.map((r) => r.field.address).join(', ')}`,
      fix: `give the role that needs ${category} a rule for it; if nobody does, stop collecting it (PIPL art. 6: minimum necessary)`,
    });
  }
  return findings;
}

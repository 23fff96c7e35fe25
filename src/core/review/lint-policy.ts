/**
 * `policy lint` (SPEC §7, issue #6 item 4): risky or incoherent policy, as findings sorted
 * errors first. Each check is its own module (`lint-*.ts`); the codes are in `lint-finding.ts`
 * and documented in docs/review.md.
 */
import type { DataMap } from '../datamap/model';
import type { Policy } from '../policy/model';
import { lintConsentIdentifiers } from './lint-consent-identifiers';
import type { LintContext } from './lint-context';
import type { LintFinding } from './lint-finding';
import { byLintOrder } from './lint-finding';
import { lintPurposes } from './lint-purposes';
import { lintRawSecrets } from './lint-raw-secrets';
import type { FieldSamples } from './lint-uncategorised-fields';
import { lintUncategorisedFields } from './lint-uncategorised-fields';
import { lintUnreadCategories } from './lint-unread-categories';
import { permissionMatrix } from './permission-matrix';

export function lintPolicy(
  policy: Policy,
  map: DataMap,
  samples: FieldSamples = new Map(),
): LintFinding[] {
  const matrix = permissionMatrix(policy, map);
  const context: LintContext = { policy, map, columns: matrix.columns, rows: matrix.fields };
  return [
    ...lintRawSecrets(context),
    ...lintPurposes(context),
    ...lintUnreadCategories(context),
    ...lintConsentIdentifiers(context),
    ...lintUncategorisedFields(context, samples),
  ].sort(byLintOrder);
}

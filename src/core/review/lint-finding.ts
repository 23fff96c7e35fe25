/**
 * What `policy lint` reports (SPEC §7: "warns about risky rules"): one finding per risk,
 * located like a validation problem (the file and a dotted path into it: `roles.R.rules.N`,
 * `purposes.P`, `systems.S.collections.C.fields.F`), with what is wrong and what would fix it.
 *
 * Severity: `error` for what exposes secrets raw (the CLI exits 1, so a pull request can be
 * gated on it); `warning` for what a reviewer must look at; `info` for facts that are often
 * deliberate. Findings never quote a personal value, sampled ones included.
 */

export type LintSeverity = 'error' | 'warning' | 'info';

export const LINT_CODES = [
  /** A role reads a credential (password, SMS code, token…) raw. */
  'RAW_CREDENTIALS',
  /** A role reads a government id (resident id, passport…) raw. */
  'RAW_GOVERNMENT_ID',
  /** A purpose the policy declares that no role lists. */
  'UNUSED_PURPOSE',
  /** A purpose the map's collections are processed for that the policy does not declare. */
  'UNGOVERNED_PURPOSE',
  /** A category held in the map that no (role, purpose) may read in any form. */
  'UNREADABLE_CATEGORY',
  /** A consent-gated purpose reads direct identifiers (contact, name, unique ids) raw. */
  'CONSENT_PURPOSE_RAW_IDENTIFIER',
  /** A field with no category whose name looks like personal data. */
  'UNCATEGORISED_PERSONAL_NAME',
  /** A field with no category whose sampled values look like phones, emails or resident ids. */
  'UNCATEGORISED_PERSONAL_VALUE',
  /** An identity field with no category: an identifier every role reads raw. */
  'UNCATEGORISED_IDENTITY',
] as const;

export type LintCode = (typeof LINT_CODES)[number];

export interface LintFinding {
  readonly severity: LintSeverity;
  readonly code: LintCode;
  /** The policy file or the data map file the path points into. */
  readonly file: string;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

const SEVERITY_ORDER: Readonly<Record<LintSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by file, path and code: stable output for review and for tests. */
export function byLintOrder(a: LintFinding, b: LintFinding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareText(a.file, b.file) ||
    compareText(a.path, b.path) ||
    compareText(a.code, b.code)
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countBySeverity(
  findings: readonly LintFinding[],
): Readonly<Record<LintSeverity, number>> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * Permission review (SPEC §7, issue #6 item 4), pure over the policy and the data map:
 * `explainAccess`, `permissionMatrix`, `lintPolicy`, `diffPolicies`/`diffDataMaps`, and their
 * Markdown and HTML renderers. The GraphQL control plane (src/control/review) and the
 * `privgraph policy` CLI are adapters over these. Guide: docs/review.md.
 *
 * Glossary
 * - field address: `system.collection.field`, every field of the map;
 * - coordinate: the GraphQL schema coordinate a field is served at (`AccountsUsers.email`),
 *   named by the subject graph and passed in (`FieldCoordinates`);
 * - column: a (role, purpose) the policy allows — the unit a caller's token and operation
 *   name; every review decision is for one column and one field.
 */
export type { AccessClass } from './decision-summary';
export {
  accessClassOf,
  accessLabel,
  accessOf,
  decisionLabel,
  rulePath,
  sameDecision,
} from './decision-summary';
export type { ChangeDirection, DecisionChange, DecisionDiff, ReviewSide } from './diff-decisions';
export { diffDataMaps, diffDecisions, diffPolicies } from './diff-decisions';
export type {
  AccessExplanation,
  ExplainQuery,
  ExplainResult,
  FieldDecision,
} from './explain-access';
export { explainAccess } from './explain-access';
export type { LintCode, LintFinding, LintSeverity } from './lint-finding';
export { LINT_CODES, countBySeverity } from './lint-finding';
export { lintPolicy } from './lint-policy';
export type { FieldSamples } from './lint-uncategorised-fields';
export type {
  CategoryCell,
  FieldRow,
  MatrixRole,
  PermissionMatrix,
  PurposeDecision,
} from './permission-matrix';
export { permissionMatrix } from './permission-matrix';
export type { PersonalValueKind } from './personal-value-patterns';
export { personalValueKind } from './personal-value-patterns';
export type { PurposeFacts } from './purpose-facts';
export type { FieldCoordinates, ReviewField, RolePurpose } from './review-field';
export { reviewFieldsOf, rolePurposesOf } from './review-field';
export type { BeatenRule, LostBecause, RankedRule } from './rule-contest';
export { renderDiffHtml, renderDiffMarkdown } from './render/render-diff';
export { renderExplainHtml, renderExplainMarkdown } from './render/render-explain';
export { renderLintHtml, renderLintMarkdown } from './render/render-lint';
export { renderMatrixHtml, renderMatrixMarkdown } from './render/render-matrix';

/** The review's core values (src/core/review) as the control plane's object types. */
import type { Decision, DecisionRule } from '../../core/policy/decision';
import type {
  AccessExplanation,
  DecisionDiff,
  LintFinding,
  PermissionMatrix,
  RankedRule,
  ReviewField,
} from '../../core/review';
import { accessOf, countBySeverity, rulePath } from '../../core/review';
import type { CatalogAccessExplanation } from './access-explanation.type';
import type { CatalogAccessDecision, CatalogPolicyRule, CatalogReviewField } from './decision.type';
import type { CatalogPolicyDiff, CatalogPolicyLint } from './lint-and-diff.type';
import type { CatalogPermissionMatrix } from './permission-matrix.type';

function projectRule(rule: DecisionRule | RankedRule): CatalogPolicyRule {
  return {
    role: rule.role,
    index: rule.index,
    path: rulePath(rule.role, rule.index),
    category: rule.category,
    access: rule.access,
  };
}

export function projectDecision(decision: Decision): CatalogAccessDecision {
  return {
    effect: decision.effect,
    access: accessOf(decision),
    method: decision.method ?? null,
    reason: decision.reason,
    rule: decision.rule ? projectRule(decision.rule) : null,
  };
}

export function projectField(field: ReviewField): CatalogReviewField {
  return {
    address: field.address,
    coordinate: field.coordinate ?? null,
    category: field.category ?? null,
    identity: field.identity ?? null,
  };
}

export function projectExplanation(e: AccessExplanation): CatalogAccessExplanation {
  const facts = e.purposeFacts;
  return {
    role: e.role,
    purpose: e.purpose,
    field: e.field ? projectField(e.field) : null,
    category: e.category ?? null,
    decision: projectDecision(e.decision),
    winningRule: e.winner ? projectRule(e.winner) : null,
    beatenRules: e.beaten.map((b) => ({
      rule: projectRule(b),
      resolved: b.resolved,
      lostBecause: b.lostBecause,
      why: b.why,
    })),
    purposeFacts: {
      ...facts,
      collectionPurposes: facts.collectionPurposes ? [...facts.collectionPurposes] : null,
      collectionInScope: facts.collectionInScope ?? null,
    },
    fields: e.fields.map((f) => ({
      field: projectField(f.field),
      decision: projectDecision(f.decision),
    })),
    summary: e.summary,
  };
}

export function projectMatrix(matrix: PermissionMatrix): CatalogPermissionMatrix {
  return {
    policyVersion: matrix.policyVersion,
    dataMapVersion: matrix.dataMapVersion,
    categories: [...matrix.categories],
    roles: matrix.roles.map((role) => ({
      role: role.role,
      purposes: [...role.purposes],
      categories: role.cells.map((cell) => ({
        category: cell.category,
        decision: projectDecision(cell.decision),
        uniform: cell.uniform,
        byPurpose: cell.byPurpose.map((p) => ({
          purpose: p.purpose,
          decision: projectDecision(p.decision),
        })),
      })),
    })),
    fields: matrix.fields.map((row) => ({
      field: projectField(row.field),
      decisions: row.decisions.map((decision, i) => ({
        role: matrix.columns[i]?.role ?? '',
        purpose: matrix.columns[i]?.purpose ?? '',
        decision: projectDecision(decision),
      })),
    })),
  };
}

export function projectLint(findings: readonly LintFinding[]): CatalogPolicyLint {
  const counts = countBySeverity(findings);
  return {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    findings: findings.map((f) => ({ ...f })),
  };
}

export function projectDiff(diff: DecisionDiff): CatalogPolicyDiff {
  return {
    fromPolicyVersion: diff.fromVersion.policy,
    toPolicyVersion: diff.toVersion.policy,
    compared: diff.compared,
    changes: diff.changes.map((c) => ({
      role: c.role,
      purpose: c.purpose,
      field: projectField(c.field),
      from: c.from ? projectDecision(c.from) : null,
      to: c.to ? projectDecision(c.to) : null,
      direction: c.direction,
    })),
  };
}

/**
 * Table-style helpers for policy tests (after graphql-js's `expectErrors`/`expectValid`):
 * start from a small valid policy, change one thing, assert exactly which problems appear.
 * Policies are written as objects and rendered to YAML, so line numbers are real.
 */
import { stringify } from 'yaml';
import type { PolicyContext } from '../../../src/core/policy/check-policy';
import type { Policy } from '../../../src/core/policy/model';
import type { PolicyParseResult, PolicyProblem } from '../../../src/core/policy/parse-policy';
import { parsePolicy } from '../../../src/core/policy/parse-policy';
import { builtinTaxonomy } from '../../../src/core/taxonomy/builtin-taxonomy';

export const FILE = 'policy.yaml';

export type PolicySpec = { [key: string]: unknown };

/** The built-in taxonomy plus one extension, and the purposes a small data map declares. */
export const CONTEXT: PolicyContext = {
  categories: new Map<string, unknown>([
    ...builtinTaxonomy(),
    ['user.workplace.task', { key: 'user.workplace.task' }],
  ]),
  purposes: new Set(['account_management', 'customer_service', 'marketing', 'dsar']),
};

/** Valid, with no warnings. */
export function basePolicy(): PolicySpec {
  return {
    version: 1,
    purposes: {
      customer_service: { description: 'Answering consultations' },
      marketing: { requiresConsent: true },
      dsar: { universal: true },
    },
    roles: {
      'support-agent': {
        purposes: ['customer_service'],
        rules: [
          { category: 'user.name', access: 'allow' },
          { category: 'user.contact', access: 'mask' },
          { category: 'user.credentials', access: 'deny' },
        ],
        may: ['request.create'],
      },
      dpo: {
        purposes: ['dsar'],
        rules: [{ category: 'user', access: 'allow' }],
        may: ['request.create', 'request.approve', 'reidentify', 'audit.read', 'policy.read'],
      },
    },
  };
}

/** A copy of `spec` with the value at `path` replaced (or removed, for `undefined`). */
export function edit(
  path: readonly (string | number)[],
  value: unknown,
  spec: PolicySpec = basePolicy(),
): PolicySpec {
  const copy = structuredClone(spec);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('empty path');
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

export function parse(spec: PolicySpec | string, context = CONTEXT): PolicyParseResult {
  return parsePolicy(typeof spec === 'string' ? spec : stringify(spec), FILE, context);
}

export function problemsOf(spec: PolicySpec | string): readonly PolicyProblem[] {
  const result = parse(spec);
  if (result.ok) throw new Error('expected the policy to be invalid, but it parsed');
  return result.problems;
}

type Expected = Partial<
  Pick<PolicyProblem, 'file' | 'path' | 'message' | 'hint' | 'line' | 'column' | 'severity'>
>;

/** Exactly these errors (warnings are ignored), in any order. */
export function expectErrors(spec: PolicySpec | string, expected: readonly Expected[]): void {
  const errors = problemsOf(spec).filter((p) => p.severity === 'error');
  expect(errors).toHaveLength(expected.length);
  for (const wanted of expected) expect(errors).toContainEqual(expect.objectContaining(wanted));
}

export function expectValid(spec: PolicySpec | string): {
  policy: Policy;
  warnings: readonly PolicyProblem[];
} {
  const result = parse(spec);
  if (!result.ok)
    throw new Error(
      `expected a valid policy, got:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`,
    );
  return { policy: result.policy, warnings: result.warnings };
}

export function warningsOf(spec: PolicySpec | string): readonly PolicyProblem[] {
  return expectValid(spec).warnings;
}

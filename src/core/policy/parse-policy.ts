/**
 * Text → validated `Policy`, or every problem found (SPEC §3: the policy is code, "validated
 * with clear errors — file, path, what is wrong, what would be right"). Pure, like
 * `parseDataMap`, whose problem type and format it shares, so the CLI and the server print
 * map and policy problems alike; the data map it is checked against comes in as `context`.
 *
 * Stages, each reporting all it finds: YAML syntax (including duplicate keys) → reserved
 * names → structure (zod) → checks against the map and across rules. A failing stage stops
 * the later ones, which could only report consequences of the same mistake.
 */
import { createHash } from 'node:crypto';
import { byPosition, readYaml } from '../datamap/yaml-problem';
import type { DataMapProblem } from '../datamap/data-map-error';
import { formatProblem, hasErrors, issue } from '../datamap/data-map-error';
import { findReservedKeys } from '../datamap/reserved-keys';
import { translateZodIssues } from '../datamap/zod-issues';
import type { PolicyContext } from './check-policy';
import { checkPolicy } from './check-policy';
import type { Policy } from './model';
import { rawPolicySchema } from './raw-policy-schema';

/** Same shape as a data map's problem: `file:line:col path: message (hint)`. */
export type PolicyProblem = DataMapProblem;

export type PolicyParseResult =
  | { readonly ok: true; readonly policy: Policy; readonly warnings: readonly PolicyProblem[] }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** sha256 of the file as reviewed: the policy version every decision and audit names. */
export function policyContentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function parsePolicy(text: string, file: string, context: PolicyContext): PolicyParseResult {
  const read = readYaml(text, file);
  const fail = (problems: readonly PolicyProblem[]): PolicyParseResult => ({ ok: false, problems });

  if (!read.ok) return fail(read.problems);
  const { tree, warnings: early, locate } = read;
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    const got = tree === null ? 'null' : Array.isArray(tree) ? 'a list' : `'${String(tree)}'`;
    return fail([
      ...early,
      ...locate([issue([], `the policy must be a mapping (got ${got})`, 'start with version: 1')]),
    ]);
  }
  const reserved = findReservedKeys(tree);
  if (reserved.length > 0) return fail(byPosition([...early, ...locate(reserved)]));
  const parsed = rawPolicySchema.safeParse(tree);
  if (!parsed.success) {
    const shape = translateZodIssues(parsed.error.issues, tree, rawPolicySchema);
    return fail(byPosition([...early, ...locate(shape)]));
  }
  const { policy, issues } = checkPolicy(parsed.data, context, {
    contentHash: policyContentHash(text),
    sourceFile: file,
  });
  const problems = byPosition([...early, ...locate(issues)]);
  if (hasErrors(problems)) return fail(problems);
  return { ok: true, policy, warnings: problems };
}

/** Thrown by callers that cannot go on without a valid policy (the server at start). */
export class PolicyError extends Error {
  readonly problems: readonly PolicyProblem[];

  constructor(problems: readonly PolicyProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `invalid policy (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.map(formatProblem).join('\n'),
    );
    this.name = 'PolicyError';
    this.problems = problems;
  }
}

export function policyOrThrow(result: PolicyParseResult): Policy {
  if (!result.ok) throw new PolicyError(result.problems);
  return result.policy;
}

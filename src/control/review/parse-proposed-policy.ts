/**
 * A proposed policy sent as text (`policyDiff(proposedPolicy:)`), validated exactly like the
 * file (`parsePolicy` against the served map). Problems come back as one BAD_USER_INPUT
 * listing every one (line, column, path, message, hint), as `privgraph` prints them.
 */
import type { DataMap } from '../../core/datamap/model';
import { formatProblem } from '../../core/datamap/data-map-error';
import type { Policy } from '../../core/policy/model';
import { parsePolicy } from '../../core/policy/parse-policy';
import { BadUserInputError } from '../../errors/error-codes';

/** A policy is a few kilobytes; a megabyte is no policy anyone reviews. */
export const MAX_PROPOSED_POLICY_BYTES = 1_000_000;
export const PROPOSED_POLICY_FILE = 'proposed-policy.yaml';

export function parseProposedPolicy(text: string, map: DataMap): Policy {
  if (Buffer.byteLength(text, 'utf8') > MAX_PROPOSED_POLICY_BYTES)
    throw new BadUserInputError(
      `the proposed policy is larger than ${MAX_PROPOSED_POLICY_BYTES} bytes`,
    );
  const result = parsePolicy(text, PROPOSED_POLICY_FILE, {
    categories: map.categories,
    purposes: map.purposes,
  });
  if (result.ok) return result.policy;
  const errors = result.problems.filter((p) => p.severity === 'error');
  throw new BadUserInputError(
    `the proposed policy is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${errors.map(formatProblem).join('\n')}`,
    {
      problems: result.problems.map((p) => ({
        path: p.path,
        line: p.line ?? null,
        column: p.column ?? null,
        message: p.message,
        hint: p.hint,
        severity: p.severity,
      })),
    },
  );
}

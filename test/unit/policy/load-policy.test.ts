import { join } from 'node:path';
import { formatProblem } from '../../../src/core/datamap/data-map-error';
import { loadPolicyFile } from '../../../src/core/policy/load-policy';
import { PolicyError, policyOrThrow } from '../../../src/core/policy/parse-policy';
import { CONTEXT } from './harness';

const fixture = (name: string): string => join(__dirname, '..', '..', 'fixtures', 'policies', name);

describe('loadPolicyFile', () => {
  it('loads and validates a file', async () => {
    const policy = policyOrThrow(await loadPolicyFile(fixture('valid-minimal.yaml'), CONTEXT));
    expect(policy.sourceFile).toBe(fixture('valid-minimal.yaml'));
    expect([...policy.roles.keys()]).toEqual(['support-agent']);
  });

  it('reports a file it cannot read as a problem', async () => {
    const result = await loadPolicyFile(fixture('no-such-file.yaml'), CONTEXT);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: fixture('no-such-file.yaml'),
          path: '',
          message: 'cannot read the policy (ENOENT)',
          hint: 'check the path and permissions',
          severity: 'error',
        },
      ],
    });
  });

  it('reports every mistake of a broken file at once, in file order', async () => {
    const result = await loadPolicyFile(fixture('many-problems.yaml'), CONTEXT);
    if (result.ok) throw new Error('expected problems');
    const lines = result.problems.map((p) => formatProblem({ ...p, file: 'policy.yaml' }));
    expect(lines).toEqual([
      "policy.yaml:5:3 purposes.marketting: purpose 'marketting' is not declared in the data map (did you mean marketing?)",
      "policy.yaml:8:34 roles.support-agent.purposes.1: role 'support-agent' names purpose 'dsar', which the policy does not declare (the data map declares it: add dsar: {} under purposes:)",
      "policy.yaml:11:9 roles.support-agent.rules.1: rules 0 and 1 of role 'support-agent' both cover 'user.contact' with different access (mask, allow) (keep one rule per category: which was meant cannot be guessed)",
      "policy.yaml:12:21 roles.support-agent.rules.2.category: unknown category 'user.nmae' (did you mean user.name? or declare it under categories: in the data map, below an existing parent)",
      "policy.yaml:13:47 roles.support-agent.rules.3.access: unknown access 'hide' (use one of: allow, deny, redact, mask, hash, tokenize, generalize, deidentify)",
      "policy.yaml:14:27 roles.support-agent.may.1: unknown capability 'audit.raed' (did you mean audit.read?)",
      "policy.yaml:15:3 roles.nobody: role 'nobody' has no purposes (list the purposes it serves, e.g. purposes: [customer_service]; every read declares one)",
      "policy.yaml:15:3 roles.nobody: role 'nobody' has no rules: every personal field is denied to it (add rules, or ignore this if the role only uses the control plane)",
    ]);
  });

  it('throws a PolicyError listing the errors for callers that cannot go on', async () => {
    const result = await loadPolicyFile(fixture('many-problems.yaml'), CONTEXT);
    expect(() => policyOrThrow(result)).toThrow(PolicyError);
    expect(() => policyOrThrow(result)).toThrow(
      /^invalid policy \(7 errors\):\n.*many-problems\.yaml:5:3 purposes\.marketting/,
    );
  });
});

import { policyContentHash } from '../../../src/core/policy/parse-policy';
import {
  FILE,
  basePolicy,
  edit,
  expectErrors,
  expectValid,
  parse,
  problemsOf,
  warningsOf,
} from './harness';

const supportRules = ['roles', 'support-agent', 'rules'];

describe('a valid policy', () => {
  it('becomes the model: purposes with their flags, roles with indexed rules and capabilities', () => {
    const { policy, warnings } = expectValid(basePolicy());
    expect(warnings).toEqual([]);
    expect(policy.purposes.get('marketing')).toEqual({
      key: 'marketing',
      requiresConsent: true,
      universal: false,
    });
    expect(policy.purposes.get('dsar')).toMatchObject({ universal: true, requiresConsent: false });
    expect(policy.purposes.get('customer_service')?.description).toBe('Answering consultations');
    const agent = policy.roles.get('support-agent');
    expect(agent?.purposes).toEqual(['customer_service']);
    expect(agent?.rules[1]).toEqual({ index: 1, category: 'user.contact', access: 'mask' });
    expect([...(agent?.may ?? [])]).toEqual(['request.create']);
    expect(policy.roles.get('dpo')?.may.size).toBe(5);
    expect(policy.sourceFile).toBe(FILE);
  });

  it('is versioned by the sha256 of its text', () => {
    const text = 'version: 1\npurposes: {}\nroles: {}\n';
    const result = parse(text);
    expect(result.ok && result.policy.contentHash).toBe(policyContentHash(text));
    expect(policyContentHash(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(policyContentHash(`${text}# reviewed\n`)).not.toBe(policyContentHash(text));
  });

  it('accepts an empty purpose written as {}, ~ or nothing, and a rule access `deidentify`', () => {
    const yaml = [
      'version: 1',
      'purposes:',
      '  customer_service:',
      '  dsar: ~',
      'roles:',
      '  agent:',
      '    purposes: [customer_service, dsar]',
      '    rules: [{ category: user.workplace.task, access: deidentify }]',
    ].join('\n');
    const { policy } = expectValid(yaml);
    expect(policy.purposes.get('dsar')).toEqual({
      key: 'dsar',
      requiresConsent: false,
      universal: false,
    });
    expect(policy.roles.get('agent')?.rules[0]?.access).toBe('deidentify');
  });
});

describe('YAML itself', () => {
  it('reports a duplicate key with its path and position, instead of keeping the last one', () => {
    const yaml = [
      'version: 1',
      'purposes: { dsar: {} }',
      'roles:',
      '  dpo: { purposes: [dsar] }',
      '  dpo: { purposes: [dsar] }',
    ].join('\n');
    expectErrors(yaml, [{ path: 'roles.dpo', line: 5, column: 3, message: "duplicate key 'dpo'" }]);
  });

  it('reports a syntax error with its position', () => {
    const problems = problemsOf('version: 1\nroles:\n  a: [1, 2\n  b: 3\n');
    expect(problems[0]).toMatchObject({ file: FILE, severity: 'error', line: expect.any(Number) });
    expect(problems[0]?.message).toMatch(/^YAML: /);
  });

  it.each([
    ['an empty file', '', 'null'],
    ['a list', '- 1\n', 'a list'],
    ['a scalar', 'hello\n', "'hello'"],
  ])('says %s is not a policy', (_name, text, got) => {
    expectErrors(text, [
      {
        path: '',
        message: `the policy must be a mapping (got ${got})`,
        hint: 'start with version: 1',
      },
    ]);
  });
});

describe('warnings, which do not stop the policy loading', () => {
  it('warns about a role with no rules: it is denied every personal field', () => {
    const spec = edit(['roles', 'auditor'], { purposes: ['dsar'], may: ['audit.read'] });
    expect(warningsOf(spec)).toEqual([
      expect.objectContaining({
        path: 'roles.auditor',
        severity: 'warning',
        message: "role 'auditor' has no rules: every personal field is denied to it",
      }),
    ]);
  });

  it('warns about the same rule written twice', () => {
    const spec = edit([...supportRules, 3], { category: 'user.name', access: 'allow' });
    expect(warningsOf(spec)).toEqual([
      expect.objectContaining({
        path: 'roles.support-agent.rules.3',
        severity: 'warning',
        message: "rule 3 of role 'support-agent' repeats rule 0 (user.name: allow)",
      }),
    ]);
  });
});

import { formatProblem } from '../../../src/core/datamap/data-map-error';
import { FILE, edit, expectErrors, problemsOf } from './harness';

const supportRules = ['roles', 'support-agent', 'rules'];

describe('errors, each with its path, position and a hint', () => {
  it.each([
    [
      'an unknown category, with a suggestion',
      edit([...supportRules, 1, 'category'], 'user.contact.emial'),
      {
        path: 'roles.support-agent.rules.1.category',
        message: "unknown category 'user.contact.emial'",
        hint: 'did you mean user.contact.email? or declare it under categories: in the data map, below an existing parent',
      },
    ],
    [
      'an unknown access value, with a suggestion',
      edit([...supportRules, 0, 'access'], 'alow'),
      {
        path: 'roles.support-agent.rules.0.access',
        message: "unknown access 'alow'",
        hint: 'did you mean allow?',
      },
    ],
    [
      'an unknown capability, with a suggestion',
      edit(['roles', 'dpo', 'may', 2], 'reidentfy'),
      {
        path: 'roles.dpo.may.2',
        message: "unknown capability 'reidentfy'",
        hint: 'did you mean reidentify?',
      },
    ],
    [
      'a purpose the data map does not declare',
      edit(['purposes', 'markting'], {}),
      {
        path: 'purposes.markting',
        message: "purpose 'markting' is not declared in the data map",
        hint: 'did you mean marketing?',
      },
    ],
    [
      'a role naming a purpose the policy does not declare (the map does)',
      edit(['roles', 'dpo', 'purposes'], ['dsar', 'account_management']),
      {
        path: 'roles.dpo.purposes.1',
        message: "role 'dpo' names purpose 'account_management', which the policy does not declare",
        hint: 'the data map declares it: add account_management: {} under purposes:',
      },
    ],
    [
      'a role naming a purpose nobody declares',
      edit(['roles', 'dpo', 'purposes'], ['dsr']),
      {
        path: 'roles.dpo.purposes.0',
        message: "role 'dpo' names purpose 'dsr', which the policy does not declare",
        hint: 'did you mean dsar?',
      },
    ],
    [
      'a role with no purposes',
      edit(['roles', 'dpo', 'purposes'], []),
      { path: 'roles.dpo', message: "role 'dpo' has no purposes" },
    ],
    [
      'a role with the purposes list left out',
      edit(['roles', 'dpo', 'purposes'], undefined),
      { path: 'roles.dpo', message: "role 'dpo' has no purposes" },
    ],
    [
      'a role name that cannot travel in a token',
      edit(['roles', 'support agent'], { purposes: ['dsar'], rules: [] }),
      { path: 'roles.support agent', message: "role name 'support agent' is not a plain name" },
    ],
    [
      'an unknown property, with a suggestion',
      edit(['roles', 'dpo', 'rulez'], []),
      {
        path: 'roles.dpo.rulez',
        message: "unknown property 'rulez'",
        hint: 'did you mean rules?',
      },
    ],
    [
      'a misspelt purpose flag',
      edit(['purposes', 'marketing'], { requireConsent: true }),
      {
        path: 'purposes.marketing.requireConsent',
        message: "unknown property 'requireConsent'",
        hint: 'did you mean requiresConsent?',
      },
    ],
    [
      'a flag that is not true or false',
      edit(['purposes', 'dsar', 'universal'], 'yes please'),
      {
        path: 'purposes.dsar.universal',
        message: "universal must be true or false (got 'yes please')",
      },
    ],
    [
      'a rule without an access',
      edit([...supportRules, 0], { category: 'user.name' }),
      { path: 'roles.support-agent.rules.0.access', message: "missing required property 'access'" },
    ],
    [
      'another format version',
      edit(['version'], 2),
      { path: 'version', message: 'version must be 1 (got the number 2)' },
    ],
    [
      'a name the parser would drop',
      'version: 1\npurposes: { dsar: {} }\nroles:\n  __proto__: { purposes: [dsar] }\n',
      { path: 'roles.__proto__', message: "'__proto__' cannot be used as a name" },
    ],
  ])('%s', (_name, spec, expected) => {
    expectErrors(spec, [{ file: FILE, severity: 'error', ...expected }]);
  });

  it('names both rules when the same category is given two different accesses', () => {
    const rules = [
      { category: 'user.contact', access: 'mask' },
      { category: 'user.name', access: 'allow' },
      { category: 'user.contact', access: 'allow' },
    ];
    expectErrors(edit(supportRules, rules), [
      {
        path: 'roles.support-agent.rules.2',
        message:
          "rules 0 and 2 of role 'support-agent' both cover 'user.contact' with different access (mask, allow)",
        hint: 'keep one rule per category: which was meant cannot be guessed',
      },
    ]);
  });

  it('reports every problem of the file in one run, in file order, with lines', () => {
    const yaml = [
      'version: 1', // 1
      'purposes:', // 2
      '  customer_service: {}', // 3
      'roles:', // 4
      '  agent:', // 5
      '    purposes: [customer_servce]', // 6
      '    rules:', // 7
      '      - { category: user.nmae, access: allow }', // 8
      '    may: [audit.raed]', // 9
    ].join('\n');
    const problems = problemsOf(yaml);
    expect(problems.map(formatProblem)).toEqual([
      "policy.yaml:6:16 roles.agent.purposes.0: role 'agent' names purpose 'customer_servce', which the policy does not declare (did you mean customer_service?)",
      "policy.yaml:8:21 roles.agent.rules.0.category: unknown category 'user.nmae' (did you mean user.name? or declare it under categories: in the data map, below an existing parent)",
      "policy.yaml:9:11 roles.agent.may.0: unknown capability 'audit.raed' (did you mean audit.read?)",
    ]);
  });
});

import type { Decision } from '../../../src/core/policy/decision';
import type { StaticDecisionInput } from '../../../src/core/policy/decide-static';
import { decideStatic } from '../../../src/core/policy/decide-static';
import type { Access, RuleAccess } from '../../../src/core/policy/model';
import { policyOf } from './policy-builder';

const policy = policyOf(
  {
    agent: {
      purposes: ['customer_service', 'marketing'],
      rules: [
        ['user.contact', 'mask'], // 0
        ['user.contact.email', 'allow'], // 1
        ['user.name', 'allow'], // 2
        ['user.credentials', 'deny'], // 3
        ['user.unique_id', 'hash'], // 4
        ['user.content', 'redact'], // 5
        ['user.device', 'deidentify'], // 6
        ['user', 'deny'], // 7
        ['user.demographic.date_of_birth', 'generalize'], // 8
        ['user.device.device_id', 'tokenize'], // 9
      ],
    },
    dpo: { purposes: ['dsar'], rules: [['user', 'allow']] },
  },
  { customer_service: {}, marketing: { requiresConsent: true }, dsar: { universal: true } },
);

/** An agent reading a customer-service collection, unless the row says otherwise. */
function decide(input: Partial<StaticDecisionInput>): Decision {
  return decideStatic(policy, {
    role: 'agent',
    purpose: 'customer_service',
    collectionPurposes: ['customer_service', 'account_management'],
    defaultMethod: 'redact',
    ...input,
  });
}

const rule = (role: string, index: number, category: string, access: RuleAccess) => ({
  rule: { role, index, category, access },
});

describe('decideStatic: role and purpose (SPEC §4.2)', () => {
  it.each<[string, Partial<StaticDecisionInput>, Decision]>([
    [
      'an unknown role is denied',
      { role: 'intern', category: 'user.name' },
      { effect: 'deny', reason: 'UNKNOWN_ROLE' },
    ],
    [
      'a purpose not among the role’s is denied',
      { purpose: 'dsar', category: 'user.name' },
      { effect: 'deny', reason: 'PURPOSE_NOT_ALLOWED' },
    ],
    [
      'purposes are compared exactly: no case folding',
      { purpose: 'Customer_Service', category: 'user.name' },
      { effect: 'deny', reason: 'PURPOSE_NOT_ALLOWED' },
    ],
    [
      'purposes are compared exactly: no trimming',
      { purpose: 'customer_service ', category: 'user.name' },
      { effect: 'deny', reason: 'PURPOSE_NOT_ALLOWED' },
    ],
    [
      'a role’s purpose on a collection not processed for it is a mismatch',
      { purpose: 'marketing', category: 'user.name' },
      { effect: 'deny', reason: 'PURPOSE_MISMATCH' },
    ],
    [
      'the mismatch covers uncategorised fields too (no row counts leak)',
      { purpose: 'marketing' },
      { effect: 'deny', reason: 'PURPOSE_MISMATCH' },
    ],
    [
      'a universal purpose reads a collection whatever purposes it lists',
      { role: 'dpo', purpose: 'dsar', category: 'user.name', collectionPurposes: [] },
      { effect: 'allow', reason: 'RULE', ...rule('dpo', 0, 'user', 'allow') },
    ],
    [
      'a purpose the policy does not declare is never universal',
      { role: 'dpo', purpose: 'dsar', collectionPurposes: ['marketing'] },
      { effect: 'allow', reason: 'NOT_PERSONAL' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });
});

describe('decideStatic: rules (SPEC §4.3)', () => {
  it.each<[string, Partial<StaticDecisionInput>, Decision]>([
    ['a field without a category is not personal', {}, { effect: 'allow', reason: 'NOT_PERSONAL' }],
    [
      'a rule covers its category itself',
      { category: 'user.name' },
      { effect: 'allow', reason: 'RULE', ...rule('agent', 2, 'user.name', 'allow') },
    ],
    [
      'a rule covers the categories below it',
      { category: 'user.contact.phone_number' },
      {
        effect: 'transform',
        method: 'mask',
        reason: 'RULE',
        ...rule('agent', 0, 'user.contact', 'mask'),
      },
    ],
    [
      'the most specific rule wins over a less restrictive parent',
      { category: 'user.contact.email' },
      { effect: 'allow', reason: 'RULE', ...rule('agent', 1, 'user.contact.email', 'allow') },
    ],
    [
      'the most specific rule wins over a more restrictive ancestor (user: deny)',
      { category: 'user.demographic.date_of_birth' },
      {
        effect: 'transform',
        method: 'generalize',
        reason: 'RULE',
        ...rule('agent', 8, 'user.demographic.date_of_birth', 'generalize'),
      },
    ],
    [
      'a deny rule denies',
      { category: 'user.credentials.password' },
      { effect: 'deny', reason: 'RULE', ...rule('agent', 3, 'user.credentials', 'deny') },
    ],
    [
      'redact is a transform whose value is null',
      { category: 'user.content.private' },
      {
        effect: 'transform',
        method: 'redact',
        reason: 'RULE',
        ...rule('agent', 5, 'user.content', 'redact'),
      },
    ],
    [
      'hash',
      { category: 'user.unique_id' },
      {
        effect: 'transform',
        method: 'hash',
        reason: 'RULE',
        ...rule('agent', 4, 'user.unique_id', 'hash'),
      },
    ],
    [
      'tokenize',
      { category: 'user.device.device_id' },
      {
        effect: 'transform',
        method: 'tokenize',
        reason: 'RULE',
        ...rule('agent', 9, 'user.device.device_id', 'tokenize'),
      },
    ],
    [
      '`deidentify` is the field’s default method; the rule keeps its written access',
      { category: 'user.device.ip_address', defaultMethod: 'hash' },
      {
        effect: 'transform',
        method: 'hash',
        reason: 'RULE',
        ...rule('agent', 6, 'user.device', 'deidentify'),
      },
    ],
    [
      'the nearest rule is an ancestor several levels up',
      { category: 'user.workplace.task' },
      { effect: 'deny', reason: 'RULE', ...rule('agent', 7, 'user', 'deny') },
    ],
  ])('%s', (_name, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });

  it.each<[string, string, readonly (readonly [string, Access])[]]>([
    ['no rule matches: denied by default', 'user.name', [['user.contact', 'allow']]],
    ['matching is on whole segments', 'user.contactless', [['user.contact', 'allow']]],
    [
      'a rule below the category does not cover it',
      'user.contact',
      [['user.contact.email', 'allow']],
    ],
    ['another root is not covered', 'system.operations', [['user', 'allow']]],
  ])('%s', (_name, category, rules) => {
    const only = policyOf({ r: { purposes: ['p'], rules } });
    expect(
      decideStatic(only, {
        role: 'r',
        purpose: 'p',
        category,
        collectionPurposes: ['p'],
        defaultMethod: 'mask',
      }),
    ).toEqual({ effect: 'deny', reason: 'NO_RULE' });
  });
});

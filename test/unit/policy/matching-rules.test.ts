import { matchingRules } from '../../../src/core/policy/matching-rules';
import { policyOf } from './policy-builder';

const policy = policyOf({
  agent: {
    purposes: ['p'],
    rules: [
      ['user', 'deny'],
      ['user.contact', 'deidentify'],
      ['user.contact.email', 'allow'],
      ['user.name', 'allow'],
      ['user.contact', 'hash'],
    ],
  },
});

describe('matchingRules (for explain and the audit trail)', () => {
  it('lists every covering rule, winner first: most specific, then most restrictive', () => {
    expect(matchingRules(policy, 'agent', 'user.contact.email', 'mask')).toEqual([
      {
        role: 'agent',
        index: 2,
        category: 'user.contact.email',
        access: 'allow',
        resolved: 'allow',
        specificity: 3,
        won: true,
      },
      {
        role: 'agent',
        index: 4,
        category: 'user.contact',
        access: 'hash',
        resolved: 'hash',
        specificity: 2,
        won: false,
      },
      {
        role: 'agent',
        index: 1,
        category: 'user.contact',
        access: 'deidentify',
        resolved: 'mask',
        specificity: 2,
        won: false,
      },
      {
        role: 'agent',
        index: 0,
        category: 'user',
        access: 'deny',
        resolved: 'deny',
        specificity: 1,
        won: false,
      },
    ]);
  });

  it('resolves `deidentify` with the category’s default method when none is given', () => {
    // The table masks contact data; hash (index 4) is more restrictive, so it ranks first.
    const contact = matchingRules(policy, 'agent', 'user.contact.phone_number');
    expect(contact.map((m) => [m.index, m.resolved])).toEqual([
      [4, 'hash'],
      [1, 'mask'],
      [0, 'deny'],
    ]);
  });

  it('is empty for an unknown role and for a category no rule covers', () => {
    expect(matchingRules(policy, 'intern', 'user.name')).toEqual([]);
    expect(matchingRules(policy, 'agent', 'system.operations')).toEqual([]);
  });
});

/**
 * `diffPolicies` and `diffDataMaps`: exactly the (role, purpose, field) decisions a change
 * alters, from → to, sorted — and nothing for a change that alters none.
 */
import type { Decision } from '../../../src/core/policy/decision';
import type { DecisionChange, DecisionDiff } from '../../../src/core/review';
import { diffDataMaps, diffPolicies, rolePurposesOf } from '../../../src/core/review';
import {
  DEMO_MAP,
  DEMO_POLICY,
  DEMO_POLICY_TEXT,
  PROPOSED_DEMO_CHANGES,
  PROPOSED_DEMO_POLICY_TEXT,
  editedMapText,
  editedPolicy,
  fieldsOf,
  mapFrom,
  policyFrom,
} from './review-fixtures';

const side = (d: Decision | undefined) =>
  d
    ? `${d.effect === 'transform' ? d.method : d.effect} ${d.reason}${d.rule ? ` ${d.rule.category}→${d.rule.access}` : ''}`
    : '(none)';
const line = (c: DecisionChange) =>
  `${c.role} ${c.purpose} ${c.field.address}: ${side(c.from)} ⇒ ${side(c.to)} (${c.direction})`;
const lines = (diff: DecisionDiff) => diff.changes.map(line);

const fieldCount = DEMO_MAP.systems.flatMap((s) => s.collections.flatMap((c) => c.fields)).length;

describe('diffPolicies', () => {
  it('lists exactly the decisions a demo policy change alters', () => {
    const diff = diffPolicies(DEMO_POLICY, policyFrom(PROPOSED_DEMO_POLICY_TEXT), DEMO_MAP);
    expect(lines(diff)).toEqual(PROPOSED_DEMO_CHANGES);
    expect(diff.compared).toBe(rolePurposesOf(DEMO_POLICY).length * fieldCount);
    expect(diff.fromVersion.policy).toBe(DEMO_POLICY.contentHash);
    expect(diff.toVersion.policy).not.toBe(DEMO_POLICY.contentHash);
  });

  it.each([
    ['the same policy', (_p: unknown) => undefined],
    [
      'rules reordered (the same rules win)',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) =>
        p.roles['support-agent']!.rules.reverse(),
    ],
    [
      'descriptions and capabilities changed',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) => {
        p.roles['support-agent']!.may = [];
        (p.purposes.dsar as { description: string }).description = 'changed';
      },
    ],
  ])('finds nothing for %s', (_name, change) => {
    expect(diffPolicies(DEMO_POLICY, editedPolicy(change as never), DEMO_MAP).changes).toEqual([]);
  });

  it('reports a new winning rule with the same effect as a change of rule (same)', () => {
    const proposed = editedPolicy((p) => {
      p.roles['marketing-app']!.rules.push({ category: 'user.credentials', access: 'deny' });
    });
    expect(lines(diffPolicies(DEMO_POLICY, proposed, DEMO_MAP))).toEqual([
      'marketing-app marketing accounts.users.password_hash: deny RULE user→deny ⇒ deny RULE user.credentials→deny (same)',
    ]);
  });

  it('reports a rule whose access is written differently but decides the same as a change of rule', () => {
    const proposed = editedPolicy((p) => {
      p.roles['support-agent']!.rules.find((r) => r.category === 'user.contact')!.access =
        'deidentify';
    });
    const diff = diffPolicies(DEMO_POLICY, proposed, DEMO_MAP);
    expect(new Set(diff.changes.map((c) => c.direction))).toEqual(new Set(['same']));
    expect(diff.changes).toHaveLength(4);
  });

  it('shows a purpose taken from a role as PURPOSE_NOT_ALLOWED on every field', () => {
    const proposed = editedPolicy((p) => {
      p.roles.dpo!.purposes = ['dsar'];
    });
    const diff = diffPolicies(DEMO_POLICY, proposed, DEMO_MAP);
    expect(diff.changes).toHaveLength(fieldCount);
    expect(new Set(diff.changes.map((c) => `${c.role} ${c.purpose} ${c.to?.reason}`))).toEqual(
      new Set(['dpo account_management PURPOSE_NOT_ALLOWED']),
    );
    // a purpose-limited deny stays a deny: narrower only where something was readable
    const widened = diff.changes.filter((c) => c.direction === 'wider');
    expect(widened).toEqual([]);
  });

  it('compares a removed role as UNKNOWN_ROLE', () => {
    const proposed = editedPolicy((p) => {
      delete p.roles['marketing-app'];
    });
    const diff = diffPolicies(DEMO_POLICY, proposed, DEMO_MAP);
    expect(new Set(diff.changes.map((c) => `${c.role} ${c.to?.reason}`))).toEqual(
      new Set(['marketing-app UNKNOWN_ROLE']),
    );
  });

  it('sorts by role, purpose and field address', () => {
    const proposed = editedPolicy((p) => {
      p.roles['support-agent']!.rules.push({ category: 'user.demographic', access: 'generalize' });
      p.roles['analytics-app']!.rules.push({ category: 'user.job_title', access: 'allow' });
    });
    const keys = diffPolicies(DEMO_POLICY, proposed, DEMO_MAP).changes.map(
      (c) => `${c.role}\u0000${c.purpose}\u0000${c.field.address}`,
    );
    expect(keys).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(0);
  });
});

describe('diffDataMaps', () => {
  it('shows a new field as added for every (role, purpose), and a removed one as removed', () => {
    const after = mapFrom(
      editedMapText((tree) => {
        fieldsOf(tree, 'accounts', 'users').nickname = { category: 'user.name' };
        delete fieldsOf(tree, 'accounts', 'users').gender;
      }),
    );
    const diff = diffDataMaps(DEMO_POLICY, DEMO_MAP, after);
    const pairs = rolePurposesOf(DEMO_POLICY).length;
    expect(diff.changes.filter((c) => c.direction === 'added').map((c) => c.field.address)).toEqual(
      Array(pairs).fill('accounts.users.nickname'),
    );
    expect(
      diff.changes.filter((c) => c.direction === 'removed').map((c) => c.field.address),
    ).toEqual(Array(pairs).fill('accounts.users.gender'));
    expect(diff.changes).toHaveLength(2 * pairs);
  });

  it('shows a field losing its category as NOT_PERSONAL wherever its collection is read', () => {
    const after = mapFrom(
      editedMapText((tree) => {
        delete fieldsOf(tree, 'accounts', 'users').password_hash!.category;
      }),
    );
    const policy = policyFrom(DEMO_POLICY_TEXT, after);
    const diff = diffDataMaps(policy, DEMO_MAP, after);
    expect(lines(diff)).toEqual(
      [
        'analytics-app analytics accounts.users.password_hash: deny RULE user.credentials→deny ⇒ allow NOT_PERSONAL (wider)',
        'marketing-app marketing accounts.users.password_hash: deny RULE user→deny ⇒ allow NOT_PERSONAL (wider)',
        'security-analyst security_operations accounts.users.password_hash: deny RULE user.credentials→deny ⇒ allow NOT_PERSONAL (wider)',
        'support-agent customer_service accounts.users.password_hash: deny RULE user.credentials→deny ⇒ allow NOT_PERSONAL (wider)',
        'dpo account_management accounts.users.password_hash: redact RULE user.credentials→redact ⇒ allow NOT_PERSONAL (wider)',
        'dpo dsar accounts.users.password_hash: redact RULE user.credentials→redact ⇒ allow NOT_PERSONAL (wider)',
      ].sort(),
    );
  });
});

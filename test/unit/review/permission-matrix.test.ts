/**
 * `permissionMatrix` on the demo: role × category cells (per purpose where they differ) and
 * the field table, whose every cell is the gateway's own decision.
 */
import { decideStatic } from '../../../src/core/policy/decide-static';
import type { Decision } from '../../../src/core/policy/decision';
import { permissionMatrix } from '../../../src/core/review';
import { expectValid } from '../datamap/harness';
import { policyOf } from '../policy/policy-builder';
import { DEMO_MAP, DEMO_POLICY } from './review-fixtures';

const matrix = permissionMatrix(DEMO_POLICY, DEMO_MAP);
const short = (d: Decision) =>
  `${d.effect === 'transform' ? d.method : d.effect}${d.reason === 'RULE' ? '' : `:${d.reason}`}`;

function cell(role: string, category: string) {
  const found = matrix.roles
    .find((r) => r.role === role)
    ?.cells.find((c) => c.category === category);
  if (!found) throw new Error(`no cell ${role} × ${category}`);
  return found;
}

describe('permissionMatrix: role × category', () => {
  it('has a row per role and a cell per category the map holds, sorted', () => {
    expect(matrix.roles.map((r) => r.role)).toEqual([
      'dpo',
      'support-agent',
      'security-analyst',
      'marketing-app',
      'analytics-app',
    ]);
    expect(matrix.categories).toEqual([...matrix.categories].sort());
    expect(matrix.categories).toContain('user.contact.email');
    expect(matrix.categories).not.toContain('user.contact');
    for (const role of matrix.roles)
      expect(role.cells.map((c) => c.category)).toEqual(matrix.categories);
  });

  it.each([
    ['support-agent', 'user.contact.email', 'mask', true, ''],
    ['support-agent', 'user.credentials.password', 'deny', true, ''],
    ['support-agent', 'user.demographic.date_of_birth', 'deny:NO_RULE', true, ''],
    // nothing of the category is collected for customer_service
    ['support-agent', 'user.device.model', 'deny:PURPOSE_MISMATCH', true, ''],
    ['security-analyst', 'user.contact.phone_number', 'hash', true, ''],
    ['marketing-app', 'user.unique_id', 'hash', true, ''],
    ['analytics-app', 'user.device.ip_address', 'generalize', true, ''],
    ['dpo', 'user.contact.email', 'allow', true, ''],
    // dsar is universal, account_management is not: the purposes differ
    [
      'dpo',
      'user.behavior.browsing_history',
      'allow',
      false,
      'dsar=allow account_management=deny:PURPOSE_MISMATCH',
    ],
  ])('%s × %s → %s', (role, category, expected, uniform, byPurpose) => {
    const c = cell(role, category);
    expect(short(c.decision)).toBe(expected);
    expect(c.uniform).toBe(uniform);
    if (!uniform)
      expect(c.byPurpose.map((p) => `${p.purpose}=${short(p.decision)}`).join(' ')).toBe(byPurpose);
  });

  it('shows the least restrictive where one category resolves `deidentify` differently per field', () => {
    const { map } = expectValid({
      version: 1,
      organization: { name: 'Acme' },
      identities: { user_id: {} },
      purposes: { support: { name: 'Support' } },
      systems: {
        accounts: {
          name: 'Accounts',
          source: { kind: 'postgres', url: 'postgres://localhost/a' },
          collections: {
            users: {
              primaryKey: ['id'],
              purposes: ['support'],
              fields: {
                id: { identity: 'user_id', category: 'user.account' },
                settings: { category: 'user.account' },
              },
            },
          },
        },
      },
    });
    const policy = policyOf({
      agent: { purposes: ['support'], rules: [['user.account', 'deidentify']] },
    });
    const m = permissionMatrix(policy, map);
    // an identifier's default is hash, anything else's redact: the cell shows hash
    expect(m.fields.map((f) => short(f.decisions[0]!))).toEqual(['hash', 'redact']);
    expect(short(m.roles[0]!.cells[0]!.decision)).toBe('hash');
  });
});

describe('permissionMatrix: fields × (role, purpose)', () => {
  it('has a column per (role, purpose) the policy allows, in policy order', () => {
    expect(matrix.columns.map((c) => `${c.role}/${c.purpose}`)).toEqual([
      'dpo/dsar',
      'dpo/account_management',
      'support-agent/customer_service',
      'security-analyst/security_operations',
      'marketing-app/marketing',
      'analytics-app/analytics',
    ]);
  });

  it('decides every cell exactly as the gateway does', () => {
    for (const row of matrix.fields) {
      const [system, collection] = row.field.address.split('.');
      const def = DEMO_MAP.systems
        .find((s) => s.key === system)
        ?.collections.find((c) => c.key === collection);
      matrix.columns.forEach(({ role, purpose }, i) => {
        expect(row.decisions[i]).toEqual(
          decideStatic(DEMO_POLICY, {
            role,
            purpose,
            category: row.field.category,
            collectionPurposes: def?.purposes ?? [],
            defaultMethod: row.field.defaultMethod,
          }),
        );
      });
    }
    expect(matrix.fields).toHaveLength(
      DEMO_MAP.systems.flatMap((s) => s.collections.flatMap((c) => c.fields)).length,
    );
  });

  it('names the GraphQL coordinate where one is given', () => {
    const m = permissionMatrix(
      DEMO_POLICY,
      DEMO_MAP,
      new Map([['accounts.users.email', 'AccountsUsers.email']]),
    );
    expect(m.fields.find((f) => f.field.address === 'accounts.users.email')?.field.coordinate).toBe(
      'AccountsUsers.email',
    );
    expect(
      m.fields.find((f) => f.field.address === 'accounts.users.phone')?.field.coordinate,
    ).toBeUndefined();
  });
});

/**
 * `lintPolicy`: the demo's findings exactly, then one planted risk at a time — each must add
 * exactly the finding it should, at the rule or field that causes it.
 */
import type { LintFinding } from '../../../src/core/review';
import { lintPolicy } from '../../../src/core/review';
import { expectValid } from '../datamap/harness';
import { policyOf } from '../policy/policy-builder';
import {
  DEMO_MAP,
  DEMO_POLICY,
  editedMapText,
  editedPolicy,
  fieldsOf,
  mapFrom,
  policyFrom,
  DEMO_POLICY_TEXT,
} from './review-fixtures';

const key = (f: LintFinding) => `${f.severity} ${f.code} ${f.path}`;
const baseline = lintPolicy(DEMO_POLICY, DEMO_MAP);

/** Findings of `after` that the demo does not have. */
const added = (after: readonly LintFinding[]) => {
  const before = new Set(baseline.map(key));
  return after.filter((f) => !before.has(key(f)));
};

describe('lintPolicy on the demo', () => {
  it('finds exactly these, no error: the demo passes its own lint', () => {
    expect(baseline.map(key)).toEqual([
      'warning UNUSED_PURPOSE purposes.customer_research',
      'warning UNUSED_PURPOSE purposes.legal_compliance',
      'warning RAW_GOVERNMENT_ID roles.dpo.rules.0',
      'info UNGOVERNED_PURPOSE purposes.service_delivery',
    ]);
  });

  it('finds the DPO reading credentials raw once its redaction is removed, and says how to fix it', () => {
    const risky = editedPolicy((p) => {
      p.roles.dpo!.rules = p.roles.dpo!.rules.filter((r) => r.category !== 'user.credentials');
    });
    const [finding, ...others] = added(lintPolicy(risky, DEMO_MAP));
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      code: 'RAW_CREDENTIALS',
      path: 'roles.dpo.rules.0',
      file: 'policy.yaml',
      message:
        "role 'dpo' reads credentials raw: rule 0 (user → allow) covers user.credentials.password, user.credentials.verification_code — accounts.users.password_hash, accounts.verification_codes.code",
      fix: 'add { category: user.credentials, access: deny } to dpo (or redact): no part of a secret may ever be shown',
    });
  });

  it('is clean of raw secrets once the DPO masks government ids too', () => {
    const fixed = editedPolicy((p) => {
      p.roles.dpo!.rules.push({ category: 'user.government_id', access: 'mask' });
    });
    expect(lintPolicy(fixed, DEMO_MAP).map(key)).toEqual([
      'warning UNUSED_PURPOSE purposes.customer_research',
      'warning UNUSED_PURPOSE purposes.legal_compliance',
      'info UNGOVERNED_PURPOSE purposes.service_delivery',
    ]);
  });
});

describe('lintPolicy flags a planted risky rule', () => {
  it.each([
    [
      'a support agent allowed password hashes (more specific than its deny)',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) =>
        void p.roles['support-agent']!.rules.push({
          category: 'user.credentials.password',
          access: 'allow',
        }),
      ['error RAW_CREDENTIALS roles.support-agent.rules.7'],
    ],
    [
      'a security analyst allowed government ids no field holds yet',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) =>
        void p.roles['security-analyst']!.rules.push({
          category: 'user.government_id',
          access: 'allow',
        }),
      ['warning RAW_GOVERNMENT_ID roles.security-analyst.rules.6'],
    ],
    [
      'marketing allowed raw contact data',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) =>
        void p.roles['marketing-app']!.rules.push({ category: 'user.contact', access: 'allow' }),
      ['warning CONSENT_PURPOSE_RAW_IDENTIFIER roles.marketing-app.rules.3'],
    ],
    [
      'analytics allowed raw account ids',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) => {
        const rule = p.roles['analytics-app']!.rules.find((r) => r.category === 'user.unique_id')!;
        rule.access = 'allow';
      },
      ['warning CONSENT_PURPOSE_RAW_IDENTIFIER roles.analytics-app.rules.3'],
    ],
    [
      'disclosure records denied to the only role that read them',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) =>
        void p.roles.dpo!.rules.push({ category: 'user.disclosure', access: 'deny' }),
      [
        'warning UNREADABLE_CATEGORY systems.compliance.collections.sharing_records.fields.recipient',
      ],
    ],
    [
      'a purpose nobody lists',
      (p: Parameters<Parameters<typeof editedPolicy>[0]>[0]) => {
        p.roles['support-agent']!.purposes = ['customer_service'];
        p.roles['security-analyst']!.purposes = ['customer_service'];
      },
      ['warning UNUSED_PURPOSE purposes.security_operations'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(added(lintPolicy(editedPolicy(change), DEMO_MAP)).map(key)).toEqual(expected);
  });

  it('names every field a planted rule exposes, and how to fix it', () => {
    const policy = editedPolicy((p) => {
      p.roles['marketing-app']!.rules.push({ category: 'user.contact', access: 'allow' });
    });
    const [finding] = added(lintPolicy(policy, DEMO_MAP));
    expect(finding).toMatchObject({
      message:
        "role 'marketing-app' reads direct identifiers raw for consent-gated purpose 'marketing': rule 3 (user.contact → allow) lets through accounts.users.phone, accounts.users.email",
      fix: "give marketing-app hash (a pseudonym that still joins) or mask for user.contact, unless marketing truly needs the person's identity",
    });
  });

  it('makes a raw government id an error once the map holds one the role reaches', () => {
    const map = mapFrom(
      editedMapText((tree) => {
        fieldsOf(tree, 'accounts', 'users').resident_id = {
          category: 'user.government_id.national_identification_number',
        };
      }),
    );
    const policy = policyFrom(DEMO_POLICY_TEXT, map);
    expect(
      lintPolicy(policy, map)
        .filter((f) => f.code === 'RAW_GOVERNMENT_ID')
        .map(key),
    ).toEqual(['error RAW_GOVERNMENT_ID roles.dpo.rules.0']);
  });
});

describe('lintPolicy on uncategorised fields', () => {
  const map = mapFrom(
    editedMapText((tree) => {
      const users = fieldsOf(tree, 'accounts', 'users');
      delete users.phone!.category; // an identity without a category
      const consents = fieldsOf(tree, 'compliance', 'consent_records');
      consents.client_ip = {}; // a telling name
      consents.note = {}; // telling values
      consents.remark = {}; // harmless values
    }),
    'datamap.yaml',
  );
  const policy = policyFrom(DEMO_POLICY_TEXT, map);
  const samples = new Map<string, readonly unknown[]>([
    ['compliance.consent_records.note', ['13800138000', '+86 139-0013-9000', 'call back']],
    ['compliance.consent_records.remark', ['ok', 'n/a', '2024-05-06']],
  ]);
  const findings = lintPolicy(policy, map, samples).filter((f) =>
    f.code.startsWith('UNCATEGORISED'),
  );

  it('flags identities, telling names and telling values — not harmless ones', () => {
    expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual([
      'UNCATEGORISED_IDENTITY systems.accounts.collections.users.fields.phone',
      'UNCATEGORISED_PERSONAL_NAME systems.compliance.collections.consent_records.fields.client_ip',
      'UNCATEGORISED_PERSONAL_VALUE systems.compliance.collections.consent_records.fields.note',
    ]);
    expect(findings.map((f) => f.fix)).toEqual([
      'add category: user.contact.phone_number (or the right one) to accounts.users.phone, or ignore this if it is not personal data',
      'add category: user.device.ip_address (or the right one) to compliance.consent_records.client_ip, or ignore this if it is not personal data',
      'add category: user.contact.phone_number (or the right one) to compliance.consent_records.note, or ignore this if it is not personal data',
    ]);
  });

  it('counts sampled values and never quotes them', () => {
    const byValue = findings.find((f) => f.code === 'UNCATEGORISED_PERSONAL_VALUE');
    expect(byValue?.message).toBe(
      "field 'note' has no category but 2 of 3 sampled values look like CN mobile numbers",
    );
    const text = JSON.stringify(lintPolicy(policy, map, samples));
    for (const value of ['13800138000', '139-0013-9000', 'call back'])
      expect(text).not.toContain(value);
  });

  it('reads names only without samples', () => {
    expect(lintPolicy(policy, map).some((f) => f.code === 'UNCATEGORISED_PERSONAL_VALUE')).toBe(
      false,
    );
  });

  it('flags an identity of a small map with no category', () => {
    const { map: small } = expectValid({
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
              fields: { id: { identity: 'user_id' } },
            },
          },
        },
      },
    });
    const lint = lintPolicy(
      policyOf({ agent: { purposes: ['support'], rules: [] } }, { support: {} }),
      small,
    );
    expect(lint.map(key)).toEqual([
      'warning UNCATEGORISED_IDENTITY systems.accounts.collections.users.fields.id',
    ]);
  });
});

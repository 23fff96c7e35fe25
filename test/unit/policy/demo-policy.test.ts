/**
 * The demo's policy (seeds/demo/policy.yaml) against the demo's data map: it parses, and each
 * demo role gets exactly the documented access to the demo's fields (issue #3's roles).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../../../src/core/datamap/data-map-error';
import type { CollectionDef, DataMap, FieldDef } from '../../../src/core/datamap/model';
import { dataMapOrThrow, parseDataMap } from '../../../src/core/datamap/parse-data-map';
import { defaultMethodFor } from '../../../src/core/deidentify/default-method';
import { decideStatic } from '../../../src/core/policy/decide-static';
import type { Decision } from '../../../src/core/policy/decision';
import type { Policy } from '../../../src/core/policy/model';
import { CAPABILITIES } from '../../../src/core/policy/model';
import { parsePolicy, policyOrThrow } from '../../../src/core/policy/parse-policy';

const demo = (file: string): string => join(__dirname, '..', '..', '..', 'seeds', 'demo', file);

const map: DataMap = dataMapOrThrow(
  parseDataMap(readFileSync(demo('datamap.yaml'), 'utf8'), 'datamap.yaml', {
    PRIVGRAPH_DEMO_DATABASE_URL: 'postgres://x/y',
  }),
);
const policyText = readFileSync(demo('policy.yaml'), 'utf8');
const parsed = parsePolicy(policyText, 'policy.yaml', {
  categories: map.categories,
  purposes: new Set(map.purposes.keys()),
});
const policy: Policy = policyOrThrow(parsed);

function field(address: string): { collection: CollectionDef; field: FieldDef } {
  const [system, collection, name] = address.split('.');
  const c = map.systems
    .find((s) => s.key === system)
    ?.collections.find((x) => x.key === collection);
  const f = c?.fields.find((x) => x.key === name);
  if (!c || !f) throw new Error(`no field ${address} in the demo map`);
  return { collection: c, field: f };
}

function decide(role: string, purpose: string, address: string): Decision {
  const { collection, field: f } = field(address);
  const format = f.identity === undefined ? undefined : map.identities.get(f.identity)?.format;
  return decideStatic(policy, {
    role,
    purpose,
    category: f.category,
    collectionPurposes: collection.purposes,
    defaultMethod: defaultMethodFor(f.category, format),
  });
}

/** `allow`, a method name, or `deny:<REASON>`; `allow:NOT_PERSONAL` for an uncategorised field. */
function summary(d: Decision): string {
  if (d.effect === 'transform') return d.method ?? '?';
  if (d.effect === 'allow') return d.reason === 'NOT_PERSONAL' ? 'allow:NOT_PERSONAL' : 'allow';
  return `deny:${d.reason}`;
}

describe('the demo policy', () => {
  it('parses against the demo map without problems', () => {
    expect(parsed.ok && parsed.warnings.map(formatProblem)).toEqual([]);
    expect([...policy.roles.keys()]).toEqual([
      'dpo',
      'support-agent',
      'security-analyst',
      'marketing-app',
      'analytics-app',
    ]);
  });

  it('gates marketing, analytics and research on consent; only dsar is universal', () => {
    const flagged = (flag: 'requiresConsent' | 'universal') =>
      [...policy.purposes.values()].filter((p) => p[flag]).map((p) => p.key);
    expect(flagged('requiresConsent')).toEqual(['analytics', 'marketing', 'customer_research']);
    expect(flagged('universal')).toEqual(['dsar']);
  });

  it('lets the dpo read every field of every collection for a request (dsar is universal), credentials redacted', () => {
    for (const system of map.systems)
      for (const collection of system.collections)
        for (const f of collection.fields) {
          const address = `${system.key}.${collection.key}.${f.key}`;
          const secret = f.category?.startsWith('user.credentials') === true;
          expect([address, summary(decide('dpo', 'dsar', address))]).toEqual([
            address,
            secret ? 'redact' : expect.stringMatching(/^allow/),
          ]);
        }
    expect([...(policy.roles.get('dpo')?.may ?? [])].sort()).toEqual([...CAPABILITIES].sort());
  });

  const table: Record<string, { purpose: string; fields: Record<string, string> }> = {
    dpo: {
      purpose: 'account_management',
      fields: {
        'accounts.users.password_hash': 'redact',
        'accounts.users.full_name': 'allow',
        'workspace.tasks.title': 'deny:PURPOSE_MISMATCH',
      },
    },
    'support-agent': {
      purpose: 'customer_service',
      fields: {
        'accounts.users.id': 'allow',
        'accounts.users.full_name': 'allow',
        'accounts.users.english_name': 'allow',
        'accounts.users.phone': 'mask',
        'accounts.users.email': 'mask',
        'accounts.users.password_hash': 'deny:RULE',
        'accounts.users.date_of_birth': 'deny:NO_RULE',
        'accounts.users.gender': 'deny:NO_RULE',
        'accounts.users.created_at': 'allow:NOT_PERSONAL',
        'accounts.verification_codes.code': 'deny:PURPOSE_MISMATCH',
        'workspace.organizations.name': 'allow',
        'workspace.employees.work_phone': 'mask',
        'workspace.employees.work_email': 'mask',
        'workspace.employees.title': 'deny:NO_RULE',
        'workspace.tasks.title': 'deny:PURPOSE_MISMATCH',
        'support.consultations.content': 'allow',
        'support.consultations.user_id': 'allow',
        'analytics.events.page': 'deny:PURPOSE_MISMATCH',
        'security.devices.device_id': 'deny:PURPOSE_MISMATCH',
      },
    },
    'security-analyst': {
      purpose: 'security_operations',
      fields: {
        'accounts.users.id': 'allow',
        'accounts.users.phone': 'hash',
        'accounts.users.email': 'hash',
        'accounts.users.full_name': 'deny:RULE',
        'accounts.users.password_hash': 'deny:RULE',
        'accounts.users.date_of_birth': 'deny:NO_RULE',
        'accounts.verification_codes.phone': 'hash',
        'accounts.verification_codes.code': 'deny:RULE',
        'workspace.employees.work_email': 'hash',
        'workspace.employees.full_name': 'deny:RULE',
        'security.devices.device_id': 'allow',
        'security.devices.model': 'allow',
        'security.devices.os_version': 'allow',
        'security.user_devices.user_id': 'allow',
        'security.security_logs.ip': 'allow',
        'security.security_logs.service_category': 'allow',
        'security.security_logs.method': 'allow',
        'support.consultations.content': 'deny:PURPOSE_MISMATCH',
        'analytics.events.ip': 'deny:PURPOSE_MISMATCH',
      },
    },
    'marketing-app': {
      purpose: 'marketing',
      fields: {
        'accounts.users.id': 'hash',
        'accounts.users.email': 'deny:RULE',
        'accounts.users.phone': 'deny:RULE',
        'accounts.users.full_name': 'deny:RULE',
        'accounts.users.date_of_birth': 'deny:RULE',
        'analytics.events.user_id': 'hash',
        'analytics.events.page': 'deny:RULE',
        'analytics.events.ip': 'deny:RULE',
        'analytics.events.event_type': 'allow:NOT_PERSONAL',
        'tracking.identifiers.cookie_id': 'hash',
        'tracking.identifiers.user_id': 'hash',
        'tracking.identifiers.user_agent': 'deny:RULE',
        'security.devices.device_id': 'deny:PURPOSE_MISMATCH',
      },
    },
    'analytics-app': {
      purpose: 'analytics',
      fields: {
        'accounts.users.id': 'hash',
        'accounts.users.full_name': 'deny:RULE',
        'accounts.users.phone': 'deny:RULE',
        'accounts.users.email': 'deny:RULE',
        'accounts.users.password_hash': 'deny:RULE',
        'accounts.users.date_of_birth': 'generalize',
        'accounts.users.gender': 'allow',
        'analytics.events.user_id': 'hash',
        'analytics.events.page': 'allow',
        'analytics.events.ip': 'generalize',
        'tracking.identifiers.cookie_id': 'hash',
        'tracking.identifiers.user_agent': 'deny:NO_RULE',
        'support.consultations.content': 'deny:PURPOSE_MISMATCH',
      },
    },
  };

  describe.each(Object.entries(table))('%s', (role, { purpose, fields }) => {
    it.each(Object.entries(fields))(`${purpose}: %s → %s`, (address, expected) => {
      expect(summary(decide(role, purpose, address))).toBe(expected);
    });
  });

  it('refuses each role any purpose that is not its own', () => {
    expect(decide('support-agent', 'marketing', 'accounts.users.full_name')).toEqual({
      effect: 'deny',
      reason: 'PURPOSE_NOT_ALLOWED',
    });
    expect(decide('marketing-app', 'dsar', 'accounts.users.id').reason).toBe('PURPOSE_NOT_ALLOWED');
  });
});

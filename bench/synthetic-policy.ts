/**
 * The access policy served with the synthetic data map (synthetic-data-map.ts): the demo
 * policy's five roles plus a service operator and an auditor who sees everything
 * de-identified: 7 roles, 33 rules. Its size does not grow with the map's: rules match
 * categories, not collections (docs/policy.md).
 */
import { stringify } from 'yaml';
import { PURPOSES } from './synthetic-data-map';

type Rule = readonly [category: string, access: string];

const ROLES: Record<string, { purposes: readonly string[]; rules: Rule[]; may?: string[] }> = {
  dpo: {
    purposes: ['dsar', 'account_management'],
    rules: [
      ['user', 'allow'],
      ['user.credentials', 'redact'],
    ],
    may: ['request.create', 'request.approve', 'request.export', 'reidentify', 'audit.read'],
  },
  'support-agent': {
    purposes: ['customer_service'],
    rules: [
      ['user.name', 'allow'],
      ['user.contact', 'mask'],
      ['user.contact.address', 'generalize'],
      ['user.credentials', 'deny'],
      ['user.behavior', 'deny'],
      ['user.unique_id', 'allow'],
      ['user.content.private', 'allow'],
    ],
    may: ['request.create'],
  },
  'security-analyst': {
    purposes: ['security_operations'],
    rules: [
      ['user.device', 'allow'],
      ['user.unique_id', 'allow'],
      ['user.contact', 'hash'],
      ['user.name', 'deny'],
      ['user.credentials', 'deny'],
    ],
    may: ['audit.read', 'policy.read'],
  },
  'marketing-app': {
    purposes: ['marketing'],
    rules: [
      ['user', 'deny'],
      ['user.unique_id', 'hash'],
      ['user.device.cookie_id', 'tokenize'],
      ['user.demographic.language', 'allow'],
    ],
  },
  'analytics-app': {
    purposes: ['analytics'],
    rules: [
      ['user.name', 'deny'],
      ['user.contact', 'deny'],
      ['user.credentials', 'deny'],
      ['user.unique_id', 'hash'],
      ['user.device.cookie_id', 'hash'],
      ['user.device.ip_address', 'generalize'],
      ['user.demographic', 'generalize'],
      ['user.demographic.gender', 'allow'],
      ['user.behavior', 'allow'],
    ],
  },
  'service-operator': {
    purposes: ['service_delivery', 'account_management'],
    rules: [
      ['user.name', 'allow'],
      ['user.contact', 'allow'],
      ['user.unique_id', 'allow'],
      ['user.demographic', 'deidentify'],
      ['user.credentials', 'deny'],
    ],
  },
  auditor: {
    purposes: ['dsar'],
    rules: [['user', 'deidentify']],
    may: ['audit.read', 'policy.read'],
  },
};

export function syntheticPolicyYaml(): string {
  const policy = {
    version: 1,
    purposes: Object.fromEntries(
      PURPOSES.map((key) => [
        key,
        key === 'dsar'
          ? { universal: true }
          : key === 'analytics' || key === 'marketing'
            ? { requiresConsent: true }
            : {},
      ]),
    ),
    roles: Object.fromEntries(
      Object.entries(ROLES).map(([role, { purposes, rules, may }]) => [
        role,
        {
          description: `Synthetic ${role}`,
          purposes,
          rules: rules.map(([category, access]) => ({ category, access })),
          ...(may ? { may } : {}),
        },
      ]),
    ),
  };
  return `# Synthetic access policy for the schema-build benchmark.\n${stringify(policy, { lineWidth: 0 })}`;
}

/**
 * The validated policy (SPEC §3–§4): who may read which data categories, for which purposes,
 * and de-identified how. Every decision reads only this model, never the YAML.
 *
 * Glossary
 * - purpose: why data is processed (PIPL art. 6: "a clear and reasonable purpose"); declared
 *   by the data map, qualified here: `requiresConsent` (PIPL art. 13(1), 14) and `universal`
 *   (read a collection whatever purposes it lists — answering a data-subject request must
 *   reach all of a person's data, PIPL art. 45).
 * - role: who is asking (a claim of the caller's token); serves some purposes, has rules.
 * - rule: `category → access`, covering the category and everything below it.
 * - access: `allow`, `deny`, a de-identification method, or `deidentify` (the field's default
 *   method, SPEC §4.5).
 * - capability: a control-plane action a role `may` take (create or approve a request…).
 */
import type { DeidentifyMethod } from '../deidentify/method';

/** What a rule grants, as decided: the value, no value, or a transformed value. */
export type Access = 'allow' | 'deny' | DeidentifyMethod;

/** What a rule may say: an `Access`, or `deidentify` — whatever the field's default is. */
export type RuleAccess = Access | 'deidentify';

export const RULE_ACCESS_VALUES: readonly RuleAccess[] = [
  'allow',
  'deny',
  'redact',
  'mask',
  'hash',
  'tokenize',
  'generalize',
  'deidentify',
];

/** The closed list of control-plane capabilities (`may:`). */
export const CAPABILITIES = [
  'request.create',
  'request.approve',
  // Download an access request's export package: everything about a person, so kept apart
  // from request.create (a support agent records a request; only the DPO reads the export).
  'request.export',
  'reidentify',
  'audit.read',
  'policy.read',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export interface PolicyPurpose {
  readonly key: string;
  readonly requiresConsent: boolean;
  readonly universal: boolean;
  readonly description?: string;
}

export interface Rule {
  /** Position in the role's `rules:` list, so a decision can cite `roles.R.rules.N`. */
  readonly index: number;
  readonly category: string;
  readonly access: RuleAccess;
}

export interface Role {
  readonly key: string;
  readonly purposes: readonly string[];
  readonly rules: readonly Rule[];
  readonly may: ReadonlySet<Capability>;
  readonly description?: string;
}

export interface Policy {
  readonly version: 1;
  readonly purposes: ReadonlyMap<string, PolicyPurpose>;
  readonly roles: ReadonlyMap<string, Role>;
  /** sha256 (hex) of the file's text: the policy version every decision and audit names. */
  readonly contentHash: string;
  readonly sourceFile: string;
}

/** True when `role` may take `capability`; an unknown role may take none. */
export function roleMay(policy: Policy, role: string, capability: Capability): boolean {
  return policy.roles.get(role)?.may.has(capability) ?? false;
}

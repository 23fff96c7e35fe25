/**
 * Builds `Policy` models directly, without YAML, for decision tests: a parsed policy can
 * never hold two different accesses at one category, but the decision function must still
 * break such ties the documented way (a policy may be built by code, too).
 */
import type { Capability, Policy, PolicyPurpose, RuleAccess } from '../../../src/core/policy/model';

export interface RoleSpec {
  readonly purposes: readonly string[];
  /** `[category, access]`, indexed in order. */
  readonly rules: readonly (readonly [string, RuleAccess])[];
  readonly may?: readonly Capability[];
}

export interface PurposeFlags {
  readonly requiresConsent?: boolean;
  readonly universal?: boolean;
}

export function policyOf(
  roles: Readonly<Record<string, RoleSpec>>,
  purposes: Readonly<Record<string, PurposeFlags>> = {},
): Policy {
  return {
    version: 1,
    purposes: new Map(
      Object.entries(purposes).map(([key, flags]): [string, PolicyPurpose] => [
        key,
        {
          key,
          requiresConsent: flags.requiresConsent ?? false,
          universal: flags.universal ?? false,
        },
      ]),
    ),
    roles: new Map(
      Object.entries(roles).map(([key, role]) => [
        key,
        {
          key,
          purposes: role.purposes,
          rules: role.rules.map(([category, access], index) => ({ index, category, access })),
          may: new Set(role.may ?? []),
        },
      ]),
    ),
    contentHash: '0'.repeat(64),
    sourceFile: 'test',
  };
}

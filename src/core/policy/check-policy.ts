/**
 * Raw (schema-checked) policy → the `Policy` model, with every problem found against the
 * data map and across rules (SPEC §3: "validated with clear errors"). A policy that names
 * a category or purpose the map does not have would never match anything, and deny by
 * default would hide the mistake as a silent outage; so these are errors, not warnings.
 */
import type { DataMapIssue } from '../datamap/data-map-error';
import { issue } from '../datamap/data-map-error';
import { didYouMean } from '../datamap/did-you-mean';
import type { Capability, Policy, PolicyPurpose, Role, Rule, RuleAccess } from './model';
import { CAPABILITIES, RULE_ACCESS_VALUES } from './model';
import type { RawPolicy, RawRole } from './raw-policy-schema';

/** What the policy is checked against: the data map's taxonomy and purposes. */
export interface PolicyContext {
  /** Built-in taxonomy plus the map's extensions, keyed by dotted category key. */
  readonly categories: ReadonlyMap<string, unknown>;
  readonly purposes: ReadonlySet<string> | ReadonlyMap<string, unknown>;
}

export interface PolicySource {
  readonly contentHash: string;
  readonly sourceFile: string;
}

/** Role names travel in tokens, audit records and `x-…` headers: keep them plain. */
const ROLE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export function checkPolicy(
  raw: RawPolicy,
  context: PolicyContext,
  source: PolicySource,
): { policy: Policy; issues: DataMapIssue[] } {
  const issues: DataMapIssue[] = [];
  const purposes = new Map<string, PolicyPurpose>();
  for (const [key, entry] of Object.entries(raw.purposes)) {
    if (!context.purposes.has(key)) {
      const hint = didYouMean(key, context.purposes.keys(), 'declare it in the data map first');
      issues.push(
        issue(['purposes', key], `purpose '${key}' is not declared in the data map`, hint),
      );
    }
    purposes.set(key, {
      key,
      requiresConsent: entry.requiresConsent ?? false,
      universal: entry.universal ?? false,
      ...(entry.description !== undefined ? { description: entry.description } : {}),
    });
  }
  const roles = new Map<string, Role>();
  for (const [key, raw_] of Object.entries(raw.roles)) {
    const role = buildRole(key, raw_);
    roles.set(key, role);
    issues.push(...checkRole(role, raw_, purposes, context));
  }
  return { policy: { version: 1, purposes, roles, ...source }, issues };
}

function buildRole(key: string, raw: RawRole): Role {
  const rules: Rule[] = (raw.rules ?? []).map((rule, index) => ({
    index,
    category: rule.category,
    access: rule.access as RuleAccess,
  }));
  const may = new Set(
    (raw.may ?? []).filter((c): c is Capability => (CAPABILITIES as readonly string[]).includes(c)),
  );
  return {
    key,
    purposes: raw.purposes ?? [],
    rules,
    may,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
  };
}

function checkRole(
  role: Role,
  raw: RawRole,
  purposes: ReadonlyMap<string, PolicyPurpose>,
  context: PolicyContext,
): DataMapIssue[] {
  const at = ['roles', role.key];
  const found: DataMapIssue[] = [];
  if (!ROLE_NAME.test(role.key)) {
    found.push(
      issue(
        at,
        `role name '${role.key}' is not a plain name`,
        'use letters, digits, _, - and ., starting with a letter (it appears in tokens and audit records)',
      ),
    );
  }
  if (role.purposes.length === 0) {
    found.push(
      issue(
        at,
        `role '${role.key}' has no purposes`,
        'list the purposes it serves, e.g. purposes: [customer_service]; every read declares one',
      ),
    );
  }
  role.purposes.forEach((purpose, index) => {
    if (purposes.has(purpose)) return;
    const hint = context.purposes.has(purpose)
      ? `the data map declares it: add ${purpose}: {} under purposes:`
      : didYouMean(purpose, purposes.keys(), 'declare it under purposes:');
    found.push(
      issue(
        [...at, 'purposes', index],
        `role '${role.key}' names purpose '${purpose}', which the policy does not declare`,
        hint,
      ),
    );
  });
  (raw.may ?? []).forEach((capability, index) => {
    if ((CAPABILITIES as readonly string[]).includes(capability)) return;
    const list = CAPABILITIES.join(', ');
    found.push(
      issue(
        [...at, 'may', index],
        `unknown capability '${capability}'`,
        didYouMean(capability, CAPABILITIES, `use one of: ${list}`),
      ),
    );
  });
  if (role.rules.length === 0) {
    found.push(
      issue(
        at,
        `role '${role.key}' has no rules: every personal field is denied to it`,
        'add rules, or ignore this if the role only uses the control plane',
        'warning',
      ),
    );
  }
  return [...found, ...checkRules(role, context)];
}

function checkRules(role: Role, context: PolicyContext): DataMapIssue[] {
  const found: DataMapIssue[] = [];
  const firstAt = new Map<string, Rule>();
  for (const rule of role.rules) {
    const at = ['roles', role.key, 'rules', rule.index];
    if (!context.categories.has(rule.category)) {
      const declare = 'declare it under categories: in the data map, below an existing parent';
      const suggestion = didYouMean(rule.category, context.categories.keys(), '');
      found.push(
        issue(
          [...at, 'category'],
          `unknown category '${rule.category}'`,
          suggestion === '' ? declare : `${suggestion} or ${declare}`,
        ),
      );
    }
    if (!(RULE_ACCESS_VALUES as readonly string[]).includes(rule.access)) {
      const list = RULE_ACCESS_VALUES.join(', ');
      found.push(
        issue(
          [...at, 'access'],
          `unknown access '${rule.access}'`,
          didYouMean(rule.access, RULE_ACCESS_VALUES, `use one of: ${list}`),
        ),
      );
    }
    const earlier = firstAt.get(rule.category);
    if (!earlier) {
      firstAt.set(rule.category, rule);
    } else if (earlier.access !== rule.access) {
      found.push(
        issue(
          at,
          `rules ${earlier.index} and ${rule.index} of role '${role.key}' both cover '${rule.category}' with different access (${earlier.access}, ${rule.access})`,
          'keep one rule per category: which was meant cannot be guessed',
        ),
      );
    } else {
      found.push(
        issue(
          at,
          `rule ${rule.index} of role '${role.key}' repeats rule ${earlier.index} (${rule.category}: ${rule.access})`,
          'remove the repetition',
          'warning',
        ),
      );
    }
  }
  return found;
}

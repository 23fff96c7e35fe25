/**
 * The permission review's enums, in the control plane's namespace. Their values are the
 * core's own strings (`allow`, `RULE`, `RAW_CREDENTIALS`…), so core values pass through
 * without a mapping table that could drift.
 */
import { registerEnumType } from 'type-graphql';

export enum CatalogDecisionEffect {
  ALLOW = 'allow',
  TRANSFORM = 'transform',
  DENY = 'deny',
}

registerEnumType(CatalogDecisionEffect, {
  name: 'CatalogDecisionEffect',
  description:
    'What a decision does with a value: shows it, transforms it (a method), or denies it.',
});

export enum CatalogAccess {
  ALLOW = 'allow',
  DENY = 'deny',
  REDACT = 'redact',
  MASK = 'mask',
  HASH = 'hash',
  TOKENIZE = 'tokenize',
  GENERALIZE = 'generalize',
  DEIDENTIFY = 'deidentify',
}

registerEnumType(CatalogAccess, {
  name: 'CatalogAccess',
  description:
    "A rule's access as written, or a decision's access: allow, deny or a de-identification method. DEIDENTIFY (the field's default method) appears only as written in a rule.",
});

export enum CatalogDecisionReason {
  RULE = 'RULE',
  NOT_PERSONAL = 'NOT_PERSONAL',
  NO_RULE = 'NO_RULE',
  PURPOSE_NOT_ALLOWED = 'PURPOSE_NOT_ALLOWED',
  PURPOSE_MISMATCH = 'PURPOSE_MISMATCH',
  UNKNOWN_ROLE = 'UNKNOWN_ROLE',
}

registerEnumType(CatalogDecisionReason, {
  name: 'CatalogDecisionReason',
  description:
    'Why a role-level decision is what it is (docs/policy.md). Per-subject reasons (NO_CONSENT, MINOR) are facts of a person, not of the policy, and are described by CatalogPurposeFacts instead.',
  valuesConfig: {
    RULE: { description: 'The most specific, then most restrictive, covering rule decided.' },
    NOT_PERSONAL: { description: 'The field has no category: not personal data.' },
    NO_RULE: { description: 'No rule covers the category: denied by default.' },
    PURPOSE_NOT_ALLOWED: { description: "The purpose is not one of the role's." },
    PURPOSE_MISMATCH: {
      description: 'The collection is not processed for the purpose, which is not universal.',
    },
    UNKNOWN_ROLE: { description: 'The policy has no such role.' },
  },
});

export enum CatalogRuleLostBecause {
  MORE_GENERAL = 'MORE_GENERAL',
  LESS_RESTRICTIVE = 'LESS_RESTRICTIVE',
  LATER_IN_FILE = 'LATER_IN_FILE',
}

registerEnumType(CatalogRuleLostBecause, {
  name: 'CatalogRuleLostBecause',
  description: 'Why a covering rule lost to the winning one (SPEC §4.3).',
});

export enum CatalogLintSeverity {
  ERROR = 'error',
  WARNING = 'warning',
  INFO = 'info',
}

registerEnumType(CatalogLintSeverity, {
  name: 'CatalogLintSeverity',
  description: '`privgraph policy lint` exits 1 when there is an ERROR.',
});

export enum CatalogChangeDirection {
  WIDER = 'wider',
  NARROWER = 'narrower',
  SAME = 'same',
  ADDED = 'added',
  REMOVED = 'removed',
}

registerEnumType(CatalogChangeDirection, {
  name: 'CatalogChangeDirection',
  description:
    'WIDER: the proposed decision reveals more; NARROWER: less; SAME: as much, for another reason or by another rule; ADDED/REMOVED: the field itself.',
});

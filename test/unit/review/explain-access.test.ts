/**
 * `explainAccess`: the decision, the rule, the rules it beat and why, and the purpose facts,
 * on the demo policy (as a table) and on code-built policies for the tie-breaks a parsed
 * policy cannot hold.
 */
import type { DataMap } from '../../../src/core/datamap/model';
import type { AccessExplanation, ExplainQuery } from '../../../src/core/review';
import { explainAccess } from '../../../src/core/review';
import { policyOf } from '../policy/policy-builder';
import { DEMO_MAP, DEMO_POLICY } from './review-fixtures';

function explain(
  query: ExplainQuery,
  coordinates?: ReadonlyMap<string, string>,
  map: DataMap = DEMO_MAP,
  policy = DEMO_POLICY,
): AccessExplanation {
  const result = explainAccess(policy, map, query, coordinates);
  if (!result.ok) throw new Error(`${result.message} (${result.hint})`);
  return result.explanation;
}

/** `access reason rulePath | beaten path:LOST_BECAUSE…` */
function outline(e: AccessExplanation): string {
  const access = e.decision.effect === 'transform' ? e.decision.method : e.decision.effect;
  const rule = e.decision.rule
    ? ` roles.${e.decision.rule.role}.rules.${e.decision.rule.index}`
    : '';
  const beaten = e.beaten.map((b) => `${b.path}:${b.lostBecause}`).join(' ');
  return `${access} ${e.decision.reason}${rule} | ${beaten}`.trim();
}

describe('explainAccess on the demo policy', () => {
  it.each([
    // the most specific rule wins over a more general one
    [
      'analytics-app',
      'analytics',
      'accounts.users.gender',
      'allow RULE roles.analytics-app.rules.7 | roles.analytics-app.rules.6:MORE_GENERAL',
    ],
    [
      'analytics-app',
      'analytics',
      'accounts.users.date_of_birth',
      'generalize RULE roles.analytics-app.rules.6 |',
    ],
    [
      'marketing-app',
      'marketing',
      'analytics.events.user_id',
      'hash RULE roles.marketing-app.rules.1 | roles.marketing-app.rules.0:MORE_GENERAL',
    ],
    [
      'marketing-app',
      'marketing',
      'tracking.identifiers.cookie_id',
      'hash RULE roles.marketing-app.rules.2 | roles.marketing-app.rules.0:MORE_GENERAL',
    ],
    [
      'support-agent',
      'customer_service',
      'accounts.users.email',
      'mask RULE roles.support-agent.rules.1 |',
    ],
    [
      'support-agent',
      'customer_service',
      'accounts.users.password_hash',
      'deny RULE roles.support-agent.rules.2 |',
    ],
    // deny by default
    ['support-agent', 'customer_service', 'accounts.users.date_of_birth', 'deny NO_RULE |'],
    // the purpose is not the role's: refused before any rule
    ['support-agent', 'marketing', 'accounts.users.email', 'deny PURPOSE_NOT_ALLOWED |'],
    // purpose limitation: analytics.events is not processed for account management
    ['dpo', 'account_management', 'analytics.events.page', 'deny PURPOSE_MISMATCH |'],
    // universal purpose
    ['dpo', 'dsar', 'analytics.events.page', 'allow RULE roles.dpo.rules.0 |'],
    // uncategorised field
    ['dpo', 'dsar', 'compliance.consent_records.recorded_at', 'allow NOT_PERSONAL |'],
    ['nobody', 'dsar', 'accounts.users.email', 'deny UNKNOWN_ROLE |'],
  ])('%s / %s / %s → %s', (role, purpose, coordinate, expected) => {
    expect(outline(explain({ role, purpose, coordinate }))).toBe(expected);
  });

  it('names the rule that would apply when purpose limitation decided first', () => {
    const e = explain({
      role: 'dpo',
      purpose: 'account_management',
      coordinate: 'analytics.events.page',
    });
    expect(e.winner).toMatchObject({
      path: 'roles.dpo.rules.0',
      category: 'user',
      access: 'allow',
    });
    expect(e.purposeFacts).toMatchObject({
      declared: true,
      roleServes: true,
      universal: false,
      collectionPurposes: ['analytics', 'marketing', 'dsar'],
      collectionInScope: false,
    });
    expect(e.summary).toBe(
      'dpo reading analytics.events.page for account_management: deny — analytics.events is processed only for analytics, marketing, dsar, and account_management is not universal (purpose limitation)',
    );
  });

  it('explains why each beaten rule lost, in words', () => {
    const e = explain({
      role: 'analytics-app',
      purpose: 'analytics',
      coordinate: 'accounts.users.gender',
    });
    expect(e.beaten).toEqual([
      expect.objectContaining({
        path: 'roles.analytics-app.rules.6',
        category: 'user.demographic',
        access: 'generalize',
        lostBecause: 'MORE_GENERAL',
        why: 'rule 6 (user.demographic → generalize) is more general than rule 7 (user.demographic.gender → allow): the most specific rule wins',
      }),
    ]);
  });

  it.each([
    [
      'analytics-app',
      'analytics',
      'accounts.users.gender',
      'analytics needs consent: for a subject with no active consent to it, this is denied (NO_CONSENT)',
      'a subject under 14 without recorded guardian consent gets generalize instead of allow (MINOR: recorded, never shown to the caller)',
    ],
    [
      'support-agent',
      'customer_service',
      'accounts.users.email',
      'customer_service does not rest on consent: no per-subject consent check',
      'a subject under 14 without recorded guardian consent gets the same: mask already reveals less than allow',
    ],
    [
      'marketing-app',
      'marketing',
      'accounts.users.email',
      "marketing needs consent, but the decision is a deny whatever the subject's consent",
      'a subject under 14 without recorded guardian consent gets the same: deny already reveals less than allow',
    ],
    [
      'dpo',
      'dsar',
      'compliance.consent_records.recorded_at',
      'dsar does not rest on consent: no per-subject consent check',
      'not personal data: the same for minors',
    ],
  ])('%s / %s / %s: consent and minor facts', (role, purpose, coordinate, consent, minor) => {
    expect(explain({ role, purpose, coordinate }).purposeFacts).toMatchObject({ consent, minor });
  });

  it('finds a field by its GraphQL coordinate and reports it', () => {
    const coordinates = new Map([['accounts.users.email', 'AccountsUsers.email']]);
    const e = explain(
      { role: 'support-agent', purpose: 'customer_service', coordinate: 'AccountsUsers.email' },
      coordinates,
    );
    expect(e.field).toMatchObject({
      address: 'accounts.users.email',
      coordinate: 'AccountsUsers.email',
    });
    expect(e.summary).toBe(
      'support-agent reading accounts.users.email (AccountsUsers.email) for customer_service: mask — roles.support-agent.rules.1 (user.contact → mask) is the most specific rule covering user.contact.email',
    );
  });

  it('explains a category as if collected for the purpose, and lists its fields', () => {
    const e = explain({
      role: 'support-agent',
      purpose: 'customer_service',
      category: 'user.contact',
    });
    expect(outline(e)).toBe('mask RULE roles.support-agent.rules.1 |');
    expect(e.field).toBeUndefined();
    expect(
      e.fields.map((f) => `${f.field.address}:${f.decision.effect}:${f.decision.reason}`),
    ).toEqual([
      'accounts.users.phone:transform:RULE',
      'accounts.users.email:transform:RULE',
      'accounts.verification_codes.phone:deny:PURPOSE_MISMATCH',
      'workspace.employees.work_email:transform:RULE',
      'workspace.employees.work_phone:transform:RULE',
    ]);
  });
});

describe('explainAccess ties (code-built policies)', () => {
  it.each([
    // equally specific: the most restrictive wins, the other lost as LESS_RESTRICTIVE
    [
      [
        ['user.contact', 'allow'],
        ['user.contact', 'mask'],
      ],
      'mask RULE roles.r.rules.1 | roles.r.rules.0:LESS_RESTRICTIVE',
    ],
    // equally specific and as restrictive: the earlier wins
    [
      [
        ['user.contact', 'hash'],
        ['user.contact', 'hash'],
      ],
      'hash RULE roles.r.rules.0 | roles.r.rules.1:LATER_IN_FILE',
    ],
    // `deidentify` ranks as the field's default (mask for an email): tokenize beats it
    [
      [
        ['user.contact.email', 'deidentify'],
        ['user.contact.email', 'tokenize'],
        ['user', 'allow'],
      ],
      'tokenize RULE roles.r.rules.1 | roles.r.rules.0:LESS_RESTRICTIVE roles.r.rules.2:MORE_GENERAL',
    ],
  ] as const)('%j → %s', (rules, expected) => {
    const policy = policyOf({ r: { purposes: ['dsar'], rules } }, { dsar: { universal: true } });
    expect(
      outline(
        explain(
          { role: 'r', purpose: 'dsar', coordinate: 'accounts.users.email' },
          undefined,
          DEMO_MAP,
          policy,
        ),
      ),
    ).toBe(expected);
  });
});

describe('explainAccess refusals', () => {
  it.each([
    [{ role: 'dpo', purpose: 'dsar' }, 'give exactly one of a coordinate and a category', ''],
    [
      { role: 'dpo', purpose: 'dsar', coordinate: 'accounts.users.email', category: 'user' },
      'give exactly one of a coordinate and a category',
      '',
    ],
    [
      { role: 'dpo', purpose: 'dsar', coordinate: 'accounts.users.emial' },
      "no field at 'accounts.users.emial'",
      'did you mean accounts.users.email?',
    ],
    [
      { role: 'dpo', purpose: 'dsar', category: 'user.contact.phone' },
      "unknown category 'user.contact.phone'",
      'did you mean user.contact.phone_number?',
    ],
  ])('%j', (query, message, hint) => {
    const result = explainAccess(DEMO_POLICY, DEMO_MAP, query);
    expect(result).toMatchObject({ ok: false, message });
    if (hint !== '' && !result.ok) expect(result.hint).toBe(hint);
  });
});

/**
 * The permission review through the real gateway (one merged schema, the shield, the
 * privacy plugin): who may call it (`may: policy.read`, issue #6 item 4), and that each
 * answer is the core's own computation on the served policy and map, with the GraphQL
 * coordinates the gateway serves. Typed documents from codegen (src/operations).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { lintPolicy, permissionMatrix } from '../../src/core/review';
import {
  ExplainAccessDocument,
  PermissionMatrixDocument,
  PolicyDiffDocument,
  PolicyLintDocument,
} from '../../src/generated/graphql';
import type { Caller, TestGateway } from '../support/gateway-harness';
import {
  DEMO_MAP,
  DEMO_POLICY,
  execute,
  loadPolicy,
  startTestGateway,
} from '../support/gateway-harness';
import { PROPOSED_DEMO_CHANGES, PROPOSED_DEMO_POLICY_TEXT } from '../unit/review/review-fixtures';

const DPO: Caller = { role: 'dpo', subject: 'test:review-dpo' };
const AGENT: Caller = { role: 'support-agent', subject: 'test:review-agent' };
const ANALYST: Caller = { role: 'security-analyst', subject: 'test:review-analyst' };

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP);
});
afterAll(() => gateway?.close());

async function run<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  caller: Caller | null = DPO,
) {
  const result = await execute(gateway, print(document), variables, caller);
  return { ...result, data: result.data as R | null | undefined };
}

async function data<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  variables: V,
): Promise<R> {
  const result = await run(document, variables);
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data;
}

const EXPLAIN_VARS = {
  role: 'support-agent',
  purpose: 'customer_service',
  coordinate: 'AccountsUsers.email',
};

describe('who may review the policy', () => {
  const calls: [
    string,
    TypedDocumentNode<unknown, Record<string, unknown>>,
    Record<string, unknown>,
  ][] = [
    ['explainAccess', ExplainAccessDocument as never, EXPLAIN_VARS],
    ['permissionMatrix', PermissionMatrixDocument as never, {}],
    ['policyLint', PolicyLintDocument as never, {}],
    ['policyDiff', PolicyDiffDocument as never, { proposedPolicy: PROPOSED_DEMO_POLICY_TEXT }],
  ];

  it.each(calls)(
    '%s: FORBIDDEN to roles without policy.read',
    async (_name, document, variables) => {
      for (const caller of [AGENT]) {
        const result = await run(document, variables, caller);
        expect(result.data).toBeNull();
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: 'FORBIDDEN',
          capability: 'policy.read',
        });
        // the refusal says nothing about the policy
        expect(result.errors?.[0]?.message).not.toMatch(/mask|allow|deny/);
      }
    },
  );

  it.each(calls)('%s: UNAUTHENTICATED without a token', async (_name, document, variables) => {
    const result = await run(document, variables, null);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it.each(calls)(
    '%s: answered for the DPO and the security analyst (the security team reviews)',
    async (_name, document, variables) => {
      for (const caller of [DPO, ANALYST]) {
        const result = await run(document, variables, caller);
        expect(result.errors).toBeUndefined();
      }
    },
  );
});

describe('explainAccess', () => {
  it('explains a field by its schema coordinate', async () => {
    const { explainAccess: e } = await data(ExplainAccessDocument, EXPLAIN_VARS);
    expect(e.field).toEqual({
      address: 'accounts.users.email',
      coordinate: 'AccountsUsers.email',
      category: 'user.contact.email',
    });
    expect(e.decision).toEqual({
      effect: 'TRANSFORM',
      access: 'MASK',
      method: 'MASK',
      reason: 'RULE',
      rule: { path: 'roles.support-agent.rules.1', category: 'user.contact', access: 'MASK' },
    });
    expect(e.purposeFacts).toMatchObject({
      declared: true,
      roleServes: true,
      universal: false,
      requiresConsent: false,
      collectionInScope: true,
    });
  });

  it('names the rules a decision beat', async () => {
    const { explainAccess: e } = await data(ExplainAccessDocument, {
      role: 'analytics-app',
      purpose: 'analytics',
      coordinate: 'accounts.users.gender',
    });
    expect(e.decision.rule?.path).toBe('roles.analytics-app.rules.7');
    expect(e.beatenRules).toEqual([
      {
        rule: {
          path: 'roles.analytics-app.rules.6',
          category: 'user.demographic',
          access: 'GENERALIZE',
        },
        resolved: 'GENERALIZE',
        lostBecause: 'MORE_GENERAL',
        why: 'rule 6 (user.demographic → generalize) is more general than rule 7 (user.demographic.gender → allow): the most specific rule wins',
      },
    ]);
  });

  it('explains a category and lists its fields with their coordinates', async () => {
    const { explainAccess: e } = await data(ExplainAccessDocument, {
      role: 'security-analyst',
      purpose: 'security_operations',
      category: 'user.contact',
    });
    expect(e.field).toBeNull();
    expect(e.decision.access).toBe('HASH');
    expect(e.fields.map((f) => `${f.field.address} ${f.decision.access}`)).toContain(
      'accounts.users.phone HASH',
    );
  });

  it.each([
    [{ role: 'dpo', purpose: 'dsar' }, 'give exactly one of a coordinate and a category'],
    [
      { role: 'dpo', purpose: 'dsar', coordinate: 'AccountsUsers.emial' },
      "no field at 'AccountsUsers.emial' (did you mean AccountsUsers.email?)",
    ],
    [{ role: 'dpo', purpose: 'dsar', category: 'user.nope' }, "unknown category 'user.nope'"],
  ])('refuses %j as BAD_USER_INPUT', async (variables, message) => {
    const result = await run(ExplainAccessDocument, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(message);
  });
});

describe('permissionMatrix and policyLint', () => {
  it('is the core matrix of the served policy, with the served coordinates', async () => {
    const { permissionMatrix: m } = await data(PermissionMatrixDocument, {});
    const policy = loadPolicy(DEMO_POLICY, gateway.map);
    const core = permissionMatrix(policy, gateway.map);
    expect(m.policyVersion).toBe(policy.contentHash);
    expect(m.dataMapVersion).toBe(gateway.map.contentHash);
    expect(m.categories).toEqual(core.categories);
    expect(m.roles.map((r) => r.role)).toEqual(core.roles.map((r) => r.role));
    m.roles.forEach((role, i) =>
      role.categories.forEach((cell, j) => {
        const expected = core.roles[i]!.cells[j]!;
        expect(
          `${cell.category} ${cell.decision.effect} ${cell.decision.reason} ${cell.uniform}`,
        ).toBe(
          `${expected.category} ${expected.decision.effect.toUpperCase()} ${expected.decision.reason} ${expected.uniform}`,
        );
      }),
    );
    const email = m.fields.find((f) => f.field.address === 'accounts.users.email');
    expect(email?.field).toEqual({
      address: 'accounts.users.email',
      coordinate: 'AccountsUsers.email',
      category: 'user.contact.email',
      identity: 'email',
    });
    expect(email?.decisions.map((d) => `${d.role}/${d.purpose} ${d.decision.access}`)).toEqual([
      'dpo/dsar ALLOW',
      'dpo/account_management ALLOW',
      'support-agent/customer_service MASK',
      'security-analyst/security_operations HASH',
      'marketing-app/marketing DENY',
      'analytics-app/analytics DENY',
    ]);
    // a catalogue-only system is reviewed too, with no coordinate
    expect(
      m.fields.find((f) => f.field.address === 'third_party_sdks.jpush.ip')?.field.coordinate,
    ).toBeNull();
  });

  it('lints the served policy as the core does', async () => {
    const { policyLint: lint } = await data(PolicyLintDocument, {});
    const core = lintPolicy(loadPolicy(DEMO_POLICY, gateway.map), gateway.map);
    expect(lint.findings.map((f) => `${f.severity} ${f.code} ${f.path}`)).toEqual(
      core.map((f) => `${f.severity.toUpperCase()} ${f.code} ${f.path}`),
    );
    // the demo policy passes its own lint: warnings, no error
    expect(lint.errors).toBe(0);
    expect(lint.findings.length).toBeGreaterThan(0);
  });
});

describe('policyDiff', () => {
  it('lists exactly the decisions a proposed policy changes', async () => {
    const { policyDiff: diff } = await data(PolicyDiffDocument, {
      proposedPolicy: PROPOSED_DEMO_POLICY_TEXT,
    });
    const side = (d: (typeof diff.changes)[number]['from']) =>
      d
        ? `${d.access.toLowerCase()} ${d.reason}${d.rule ? ` ${d.rule.category}→${d.rule.access.toLowerCase()}` : ''}`
        : '(none)';
    expect(
      diff.changes.map(
        (c) =>
          `${c.role} ${c.purpose} ${c.field.address}: ${side(c.from)} ⇒ ${side(c.to)} (${c.direction.toLowerCase()})`,
      ),
    ).toEqual(PROPOSED_DEMO_CHANGES);
    expect(
      diff.changes.find((c) => c.field.address === 'workspace.employees.title')?.field.coordinate,
    ).toBe('WorkspaceEmployees.title');
    expect(diff.fromPolicyVersion).not.toBe(diff.toPolicyVersion);
  });

  it.each([
    ['YAML syntax', 'version: 1\nroles: [', /the proposed policy is invalid/],
    [
      'an unknown category, located',
      PROPOSED_DEMO_POLICY_TEXT.replace('category: user.job_title', 'category: user.job_titel'),
      /proposed-policy\.yaml:\d+:\d+ roles\.support-agent\.rules\.7\.category: unknown category 'user\.job_titel'/,
    ],
  ])(
    'refuses an invalid proposal (%s) as BAD_USER_INPUT with its problems',
    async (_name, text, message) => {
      const result = await run(PolicyDiffDocument, { proposedPolicy: text });
      expect(result.data).toBeNull();
      const error = result.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toMatch(message);
      expect(Array.isArray(error?.extensions?.problems)).toBe(true);
    },
  );
});

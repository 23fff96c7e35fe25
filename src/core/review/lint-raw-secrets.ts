/**
 * Raw access to secrets (issue #6 item 4): a role whose winning rule for a credential
 * (`user.credentials.*`: a password hash, an SMS code, a token) or a government id
 * (`user.government_id.*`, PIPL art. 28's sensitive personal information) is `allow`. A
 * credential read raw signs its reader in as the person; no role needs one whole.
 *
 * The rule is judged by what it grants, not how it is written: `user: allow` exposes every
 * credential unless a more specific rule takes them back. An error when some field the role
 * can actually reach gets through raw; a warning when the rule only would (no such field is
 * held, or purpose limitation keeps the role away from it today).
 */
import { defaultMethodFor } from '../deidentify/default-method';
import { matchingRules } from '../policy/matching-rules';
import { isCategoryWithin } from '../taxonomy/category-key';
import { rulePath } from './decision-summary';
import type { LintContext } from './lint-context';
import { decisionsOf } from './lint-context';
import type { LintCode, LintFinding } from './lint-finding';

interface SecretKind {
  readonly root: string;
  readonly code: LintCode;
  readonly what: string;
  readonly fix: (role: string) => string;
}

const SECRET_KINDS: readonly SecretKind[] = [
  {
    root: 'user.credentials',
    code: 'RAW_CREDENTIALS',
    what: 'credentials',
    fix: (role) =>
      `add { category: user.credentials, access: deny } to ${role} (or redact): no part of a secret may ever be shown`,
  },
  {
    root: 'user.government_id',
    code: 'RAW_GOVERNMENT_ID',
    what: 'government ids',
    fix: (role) =>
      `add { category: user.government_id, access: mask } to ${role} (region and last digits confirm a document), or deny`,
  },
];

/** Categories of the kind a role's rules let through raw, grouped by the rule that does. */
function rawByRule(context: LintContext, role: string, root: string): Map<number, string[]> {
  const byRule = new Map<number, string[]>();
  for (const category of context.map.categories.keys()) {
    if (!isCategoryWithin(category, root)) continue;
    const [winner] = matchingRules(context.policy, role, category, defaultMethodFor(category));
    if (winner?.resolved !== 'allow') continue;
    byRule.set(winner.index, [...(byRule.get(winner.index) ?? []), category]);
  }
  return byRule;
}

/** Fields of these categories the role reads raw, for some purpose. */
function reachedRaw(context: LintContext, role: string, categories: readonly string[]): string[] {
  return context.rows
    .filter((row) => row.field.category !== undefined && categories.includes(row.field.category))
    .filter((row) =>
      decisionsOf(context, row).some(
        ({ column, decision }) => column.role === role && decision.effect === 'allow',
      ),
    )
    .map((row) => row.field.address);
}

export function lintRawSecrets(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const role of context.policy.roles.values()) {
    for (const kind of SECRET_KINDS) {
      for (const [index, categories] of rawByRule(context, role.key, kind.root)) {
        const rule = role.rules.find((r) => r.index === index);
        const reached = reachedRaw(context, role.key, categories);
        const held = categories.filter((c) => context.rows.some((r) => r.field.category === c));
        const covers = held.length > 0 ? held : [kind.root];
        findings.push({
          severity: reached.length > 0 ? 'error' : 'warning',
          code: kind.code,
          file: context.policy.sourceFile,
          path: rulePath(role.key, index),
          message:
            `role '${role.key}' reads ${kind.what} raw: rule ${index} (${rule?.category ?? '?'} → ${rule?.access ?? '?'}) covers ${covers.join(', ')}` +
            (reached.length > 0
              ? ` — ${reached.join(', ')}`
              : ' (no field the role can reach holds them today)'),
          fix: kind.fix(role.key),
        });
      }
    }
  }
  return findings;
}

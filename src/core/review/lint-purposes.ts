/**
 * Purposes nobody can use (issue #6 item 4). A purpose the policy declares and no role
 * lists is dead text, usually a role someone forgot to update (warning). A purpose the map's
 * collections are processed for but the policy does not declare means no caller may read
 * those collections for it — often deliberate (a purpose served by the product itself, not
 * through the gateway), so it is reported as information.
 */
import type { LintContext } from './lint-context';
import type { LintFinding } from './lint-finding';

export function lintPurposes(context: LintContext): LintFinding[] {
  const { policy, map } = context;
  const used = new Set([...policy.roles.values()].flatMap((role) => role.purposes));
  const unused: LintFinding[] = [...policy.purposes.keys()]
    .filter((purpose) => !used.has(purpose))
    .map((purpose) => ({
      severity: 'warning',
      code: 'UNUSED_PURPOSE',
      file: policy.sourceFile,
      path: `purposes.${purpose}`,
      message: `no role lists purpose '${purpose}': nobody can declare it`,
      fix: `add ${purpose} to the purposes of the role that serves it, or remove it from purposes:`,
    }));
  const listed = new Map<string, string[]>();
  for (const system of map.systems)
    for (const collection of system.collections)
      for (const purpose of collection.purposes)
        listed.set(purpose, [...(listed.get(purpose) ?? []), `${system.key}.${collection.key}`]);
  const ungoverned: LintFinding[] = [...listed]
    .filter(([purpose]) => !policy.purposes.has(purpose))
    .map(([purpose, collections]) => ({
      severity: 'info',
      code: 'UNGOVERNED_PURPOSE',
      file: map.sourceFile,
      path: `purposes.${purpose}`,
      message: `the policy does not declare purpose '${purpose}', which ${collections.length} collection(s) list (${collections.join(', ')}): no caller may read them for it`,
      fix: `if a gateway client serves ${purpose}, declare it under the policy's purposes: and give it to a role; otherwise nothing to do`,
    }));
  return [...unused, ...ungoverned];
}

/**
 * The demo world's map and policy for review tests, and helpers to plant a change in the
 * policy (as YAML, so it goes through the same validation as the file) or the map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { DataMap } from '../../../src/core/datamap/model';
import { dataMapOrThrow, parseDataMap } from '../../../src/core/datamap/parse-data-map';
import type { Policy } from '../../../src/core/policy/model';
import { parsePolicy, policyOrThrow } from '../../../src/core/policy/parse-policy';

export const DEMO_DIR = join(__dirname, '..', '..', '..', 'seeds', 'demo');
export const DEMO_MAP_FILE = join(DEMO_DIR, 'datamap.yaml');
export const DEMO_POLICY_FILE = join(DEMO_DIR, 'policy.yaml');
export const DEMO_MAP_TEXT = readFileSync(DEMO_MAP_FILE, 'utf8');
export const DEMO_POLICY_TEXT = readFileSync(DEMO_POLICY_FILE, 'utf8');

const ENV = { PRIVGRAPH_DEMO_DATABASE_URL: 'postgres://x/y' };

export function mapFrom(text: string, file = 'datamap.yaml'): DataMap {
  return dataMapOrThrow(parseDataMap(text, file, ENV));
}

export const DEMO_MAP: DataMap = mapFrom(DEMO_MAP_TEXT);

export function policyFrom(text: string, map: DataMap = DEMO_MAP, file = 'policy.yaml'): Policy {
  return policyOrThrow(
    parsePolicy(text, file, { categories: map.categories, purposes: map.purposes }),
  );
}

export const DEMO_POLICY: Policy = policyFrom(DEMO_POLICY_TEXT);

type Tree = Record<string, unknown>;
type RoleTree = {
  purposes: string[];
  rules: { category: string; access: string }[];
  may?: string[];
};

/** The demo policy's YAML after `change` mutated its parsed tree. */
export function editedPolicyText(
  change: (tree: { purposes: Tree; roles: Record<string, RoleTree> }) => void,
): string {
  const tree = parse(DEMO_POLICY_TEXT) as { purposes: Tree; roles: Record<string, RoleTree> };
  change(tree);
  return stringify(tree);
}

export function editedPolicy(change: Parameters<typeof editedPolicyText>[0]): Policy {
  return policyFrom(editedPolicyText(change));
}

/** The demo map's YAML after `change` mutated its parsed tree. */
export function editedMapText(
  change: (tree: Tree & { systems: Record<string, Tree> }) => void,
): string {
  const tree = parse(DEMO_MAP_TEXT) as Tree & { systems: Record<string, Tree> };
  change(tree);
  return stringify(tree);
}

/** The fields of a collection of a parsed map tree, for `editedMapText`. */
export function fieldsOf(
  tree: { systems: Record<string, Tree> },
  system: string,
  collection: string,
): Record<string, Tree> {
  const s = tree.systems[system] as {
    collections: Record<string, { fields: Record<string, Tree> }>;
  };
  const c = s.collections[collection];
  if (!c) throw new Error(`no collection ${system}.${collection}`);
  return c.fields;
}

function insertAfter(text: string, line: string, added: string): string {
  if (!text.includes(`${line}\n`)) throw new Error(`the demo policy has no line ${line}`);
  return text.replace(`${line}\n`, `${line}\n${added}\n`);
}

function replaceLine(text: string, line: string, replacement: string): string {
  if (!text.includes(`${line}\n`)) throw new Error(`the demo policy has no line ${line}`);
  return text.replace(`${line}\n`, `${replacement}\n`);
}

/**
 * A demo policy change as a pull request would make it (comments kept): support agents may
 * see job titles (wider), and the analytics pipeline stops reading IP addresses even
 * generalized to their network (narrower).
 */
export const PROPOSED_DEMO_POLICY_TEXT = replaceLine(
  insertAfter(
    DEMO_POLICY_TEXT,
    '      - { category: user.workplace, access: allow }',
    '      - { category: user.job_title, access: allow }',
  ),
  '      - { category: user.device.ip_address, access: generalize }',
  '      - { category: user.device.ip_address, access: deny }',
);

/** Exactly the decisions `PROPOSED_DEMO_POLICY_TEXT` changes, as `diff` lists them. */
export const PROPOSED_DEMO_CHANGES: readonly string[] = [
  'analytics-app analytics analytics.events.ip: generalize RULE user.device.ip_address→generalize ⇒ deny RULE user.device.ip_address→deny (narrower)',
  'support-agent customer_service workspace.employees.title: deny NO_RULE ⇒ allow RULE user.job_title→allow (wider)',
];

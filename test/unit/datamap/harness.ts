/**
 * Table-style helpers for data-map tests (after graphql-js's `expectErrors`/`expectValid`):
 * start from a small valid map, change one thing, assert exactly which problems appear.
 * Maps are written as objects and rendered to YAML, so line numbers are real.
 */
import { stringify } from 'yaml';
import type { DataMapProblem } from '../../../src/core/datamap/data-map-error';
import type { Environment } from '../../../src/core/datamap/expand-env';
import type { DataMap } from '../../../src/core/datamap/model';
import type {
  DataMapParseResult,
  ParseDataMapOptions,
} from '../../../src/core/datamap/parse-data-map';
import { parseDataMap } from '../../../src/core/datamap/parse-data-map';

export const FILE = 'map.yaml';

export type MapSpec = { [key: string]: unknown };

/** Accounts (users, orders) and a catalogue-only SDK: valid, with no warnings. */
export function baseMap(): MapSpec {
  return {
    version: 1,
    organization: { name: 'Acme' },
    identities: { email: { format: 'email' }, user_id: {} },
    purposes: { account_management: { name: 'Account management' } },
    systems: {
      accounts: {
        name: 'Account service',
        source: { kind: 'postgres', url: 'postgres://localhost/accounts' },
        collections: {
          users: {
            primaryKey: ['id'],
            purposes: ['account_management'],
            legalBasis: 'contract',
            fields: {
              id: { identity: 'user_id' },
              email: { category: 'user.contact.email', identity: 'email' },
            },
          },
          orders: {
            primaryKey: ['id'],
            purposes: ['account_management'],
            fields: {
              id: {},
              user_id: { references: 'accounts.users.id' },
              total: { type: 'decimal' },
            },
          },
        },
      },
      sdk: {
        name: 'Push SDK',
        collections: { recipients: { fields: { device: { category: 'user.device.device_id' } } } },
      },
    },
  };
}

/** A copy of `map` with the value at `path` replaced (or removed, for `undefined`). */
export function edit(
  path: readonly (string | number)[],
  value: unknown,
  map: MapSpec = baseMap(),
): MapSpec {
  const copy = structuredClone(map);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('empty path');
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Applies several edits in order. */
export function edits(
  changes: readonly [readonly (string | number)[], unknown][],
  map: MapSpec = baseMap(),
): MapSpec {
  return changes.reduce((acc, [path, value]) => edit(path, value, acc), map);
}

export function parse(
  spec: MapSpec | string,
  env: Environment = {},
  options?: ParseDataMapOptions,
): DataMapParseResult {
  return parseDataMap(typeof spec === 'string' ? spec : stringify(spec), FILE, env, options);
}

export function problemsOf(
  spec: MapSpec | string,
  env: Environment = {},
  options?: ParseDataMapOptions,
): readonly DataMapProblem[] {
  const result = parse(spec, env, options);
  if (result.ok) throw new Error('expected the map to be invalid, but it parsed');
  return result.problems;
}

type Expected = Partial<
  Pick<DataMapProblem, 'file' | 'path' | 'message' | 'hint' | 'line' | 'column' | 'severity'>
>;

/** Exactly these errors (warnings are ignored), in any order. */
export function expectErrors(spec: MapSpec | string, expected: readonly Expected[]): void {
  const errors = problemsOf(spec).filter((p) => p.severity === 'error');
  expect(errors).toHaveLength(expected.length);
  for (const wanted of expected) expect(errors).toContainEqual(expect.objectContaining(wanted));
}

export function expectValid(
  spec: MapSpec | string,
  env: Environment = {},
): { map: DataMap; warnings: readonly DataMapProblem[] } {
  const result = parse(spec, env);
  if (!result.ok)
    throw new Error(
      `expected a valid map, got:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`,
    );
  return { map: result.map, warnings: result.warnings };
}

export function warningsOf(spec: MapSpec | string): readonly DataMapProblem[] {
  return expectValid(spec).warnings;
}

/**
 * Zod's issues, rewritten for the person editing the YAML: which property, what is wrong
 * in the map's own words, and what would be right. Zod's default texts ("Invalid input")
 * name the validator, not the file.
 */
import type { z } from 'zod';
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { didYouMean } from './did-you-mean';
import { knownKeysAt } from './schema-keys';

type ZodIssue = z.core.$ZodIssue;
type Segment = string | number;

const EXPECTED: Readonly<Record<string, string>> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

const expectedName = (expected: string): string => EXPECTED[expected] ?? expected;

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<Segment, unknown>)[segment];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

const lastKey = (path: readonly Segment[]): string => String(path[path.length - 1] ?? '');

function missing(path: readonly Segment[], expected: string): DataMapIssue {
  const key = lastKey(path);
  return issue(path, `missing required property '${key}'`, `add ${key}: (${expected})`);
}

/** `format must be one of: exact, email, … (got 'emial')`, with a suggestion. */
function notOneOf(
  path: readonly Segment[],
  allowed: readonly string[],
  value: unknown,
): DataMapIssue {
  const list = allowed.join(', ');
  if (value === undefined) return missing(path, list);
  const key = lastKey(path);
  const rule = allowed.length === 1 ? `${key} must be ${list}` : `${key} must be one of: ${list}`;
  const hint =
    typeof value === 'string' ? didYouMean(value, allowed, `use ${list}`) : `use ${list}`;
  return issue(path, `${rule} (got ${describe(value)})`, hint);
}

export function translateZodIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  schema: z.ZodType,
): DataMapIssue[] {
  return issues.flatMap((zodIssue) => translate(zodIssue, [], input, schema));
}

function translate(
  zodIssue: ZodIssue,
  prefix: readonly Segment[],
  input: unknown,
  schema: z.ZodType,
): DataMapIssue[] {
  const path = [...prefix, ...zodIssue.path.map((s) => (typeof s === 'number' ? s : String(s)))];
  const value = valueAt(input, path);
  switch (zodIssue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path);
      const fallback = `expected one of: ${known.join(', ')}`;
      return zodIssue.keys.map((key) =>
        // `{ name: Acme Co., Ltd. }` parses as name + a bare key ` Ltd.`: YAML's flow syntax
        // splits unquoted text at the comma. Say so, or the error looks absurd.
        valueAt(input, [...path, key]) === null && !/^[A-Za-z_]\w*$/.test(key)
          ? issue(
              [...path, key],
              `unknown property '${key}'`,
              'a comma in an unquoted value inside { … } splits it; quote the value',
            )
          : issue([...path, key], `unknown property '${key}'`, didYouMean(key, known, fallback)),
      );
    }
    case 'invalid_type':
      return [wrongType(path, expectedName(zodIssue.expected), value)];
    case 'invalid_value':
      return [notOneOf(path, zodIssue.values.map(String), value)];
    case 'invalid_union':
      if (zodIssue.discriminator !== undefined && 'options' in zodIssue && zodIssue.options) {
        return [notOneOf(path, zodIssue.options.map(String), value)];
      }
      return translateUnion(zodIssue.errors, path, value, input, schema);
    case 'too_small':
      if (zodIssue.origin === 'array' || zodIssue.origin === 'string') {
        return [
          issue(path, `${lastKey(path)} must not be empty`, 'give a value, or remove the property'),
        ];
      }
      return [
        issue(
          path,
          `${lastKey(path)} must be positive (got ${describe(value)})`,
          'give a number above 0',
        ),
      ];
    default:
      return [issue(path, zodIssue.message, 'see the data map format')];
  }
}

function wrongType(path: readonly Segment[], expected: string, value: unknown): DataMapIssue {
  if (path.length === 0) {
    return issue(
      path,
      `the data map must be a mapping (got ${describe(value)})`,
      'start with version: 1',
    );
  }
  if (value === undefined) return missing(path, expected);
  return issue(
    path,
    `${lastKey(path)} must be ${expected} (got ${describe(value)})`,
    `write it as ${expected}`,
  );
}

function translateUnion(
  branches: readonly (readonly ZodIssue[])[],
  path: readonly Segment[],
  value: unknown,
  input: unknown,
  schema: z.ZodType,
): DataMapIssue[] {
  // An alternative whose problems all lie *inside* the value matched its type: report those,
  // not "expected text or a mapping" for a mapping with one wrong property.
  const matched = branches.find(
    (errors) => errors.length > 0 && errors.every((e) => e.path.length > 0),
  );
  if (matched) return matched.flatMap((e) => translate(e, path, input, schema));
  const expected = branches.flatMap((errors) =>
    errors[0]?.code === 'invalid_type' ? [expectedName(errors[0].expected)] : [],
  );
  return [wrongType(path, expected.join(' or '), value)];
}

/**
 * `${VAR}` and `${VAR:-default}` in the map's string values (SPEC §8: source URLs come from
 * the environment, so the reviewed file never holds a password). The default is literal
 * text or one further `${OTHER}` (itself with at most a literal default): enough for "this
 * system's own database, else the demo database" without growing a template language. As
 * in the shell, `:-` also applies when the variable is set but empty. There is no escape
 * for a literal `${`: nothing in a data map needs one.
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface EnvExpansion {
  /** The expanded text — or the text as written, when a variable was missing. */
  readonly value: string;
  /** Variables that were needed, unset, and had no default. */
  readonly missing: readonly string[];
  /** Why a `${` could not be read as a reference, when it could not. */
  readonly malformed?: string;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

interface Reference {
  readonly value: string;
  readonly missing: string[];
  readonly end: number;
}

function readReference(
  text: string,
  start: number,
  env: Environment,
  nested: boolean,
): Reference | string {
  NAME.lastIndex = start + 2;
  const name = NAME.exec(text)?.[0];
  if (name === undefined) return 'expected a variable name after ${';
  let pos = start + 2 + name.length;
  const set = env[name];
  if (text[pos] === '}') {
    return set === undefined
      ? { value: '', missing: [name], end: pos + 1 }
      : { value: set, missing: [], end: pos + 1 };
  }
  if (!text.startsWith(':-', pos)) return `expected '}' or ':-' after \${${name}`;
  pos += 2;
  let fallback: Reference;
  if (text.startsWith('${', pos)) {
    if (nested) return 'defaults nest one level deep: ${A:-${B}} or ${A:-${B:-text}}';
    const inner = readReference(text, pos, env, true);
    if (typeof inner === 'string') return inner;
    fallback = inner;
  } else {
    const close = text.indexOf('}', pos);
    if (close < 0) return `unterminated \${${name}:-…`;
    const literal = text.slice(pos, close);
    if (literal.includes('${')) return 'a default may hold one ${OTHER}, not text around it';
    fallback = { value: literal, missing: [], end: close };
  }
  if (text[fallback.end] !== '}') return `unterminated \${${name}:-…`;
  const end = fallback.end + 1;
  // Shell `:-` semantics: the default also covers a variable set to the empty string.
  return set !== undefined && set !== '' ? { value: set, missing: [], end } : { ...fallback, end };
}

export function expandEnv(text: string, env: Environment): EnvExpansion {
  let out = '';
  const missing: string[] = [];
  let pos = 0;
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', pos)) {
    const reference = readReference(text, at, env, false);
    if (typeof reference === 'string') return { value: text, missing, malformed: reference };
    out += text.slice(pos, at) + reference.value;
    missing.push(...reference.missing);
    pos = reference.end;
  }
  out += text.slice(pos);
  return missing.length > 0 ? { value: text, missing } : { value: out, missing };
}

/**
 * Expands every string value of a parsed document (keys are names, never expanded). An unset
 * variable is an error when the caller needs a runnable map (`requireEnv`, the server) and a
 * warning when it only reviews the file (`datamap validate` on a laptop without secrets).
 */
export function expandEnvInTree(
  tree: unknown,
  env: Environment,
  requireEnv: boolean,
): { readonly tree: unknown; readonly issues: DataMapIssue[] } {
  const issues: DataMapIssue[] = [];
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') {
      const expansion = expandEnv(value, env);
      if (expansion.malformed !== undefined) {
        issues.push(
          issue(
            path,
            `malformed environment reference: ${expansion.malformed}`,
            'write ${VAR} or ${VAR:-default}',
          ),
        );
      }
      for (const name of expansion.missing) {
        issues.push(
          issue(
            path,
            `environment variable ${name} is not set`,
            requireEnv
              ? `set ${name}, or give a default: \${${name}:-…}`
              : 'the value is kept as written',
            requireEnv ? 'error' : 'warning',
          ),
        );
      }
      return expansion.value;
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]),
      );
    }
    return value;
  };
  return { tree: walk(tree, []), issues };
}

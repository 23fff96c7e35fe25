/**
 * Text → validated `DataMap`, or every problem found (SPEC §3). Pure: the caller supplies
 * the text, the file name used in messages and the environment, so the same function serves
 * the server at start, `privgraph datamap validate`, and tests.
 *
 * Stages, each reporting all it finds: YAML syntax (including duplicate keys) → `${VAR}`
 * expansion → reserved names → structure (zod) → normalisation → whole-map checks. A stage that fails stops
 * the later ones, which could only report consequences of the same mistake.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { byPosition, yamlProblem } from './yaml-problem';
import type { DataMapIssue, DataMapProblem } from './data-map-error';
import { DataMapError, formatPath, hasErrors } from './data-map-error';
import type { Environment } from './expand-env';
import { expandEnvInTree } from './expand-env';
import type { DataMap } from './model';
import { normalizeDataMap } from './normalize';
import { rawDataMapSchema } from './raw-schema';
import { findReservedKeys } from './reserved-keys';
import { validateDataMap } from './validate-data-map';
import { locatePath } from './yaml-location';
import { translateZodIssues } from './zod-issues';

/** Bounds alias expansion, so a crafted file cannot blow up into gigabytes ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

export interface ParseDataMapOptions {
  /** An unset `${VAR}` without default is an error (default) or only a warning. */
  readonly requireEnv?: boolean;
}

export type DataMapParseResult =
  | { readonly ok: true; readonly map: DataMap; readonly warnings: readonly DataMapProblem[] }
  | { readonly ok: false; readonly problems: readonly DataMapProblem[] };

/** sha256 of the file as reviewed, before expansion: the policy version names the file,
 * not the deployment's secrets. */
export function dataMapContentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function parseDataMap(
  text: string,
  file: string,
  env: Environment,
  options: ParseDataMapOptions = {},
): DataMapParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const locate = (found: readonly DataMapIssue[]): DataMapProblem[] =>
    found.map((i) => ({
      file,
      path: formatPath(i.path),
      ...locatePath(doc, lines, i.path),
      message: i.message,
      hint: i.hint,
      severity: i.severity,
    }));
  const fail = (problems: readonly DataMapProblem[]): DataMapParseResult => ({
    ok: false,
    problems,
  });

  if (doc.errors.length > 0) return fail(doc.errors.map((e) => yamlProblem(e, doc, lines, file)));
  const yamlWarnings = doc.warnings.map((w) => yamlProblem(w, doc, lines, file));

  const expanded = expandEnvInTree(
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
    env,
    options.requireEnv ?? true,
  );
  const early = [...yamlWarnings, ...locate(expanded.issues)];
  const reserved = findReservedKeys(expanded.tree);
  if (reserved.length > 0) return fail(byPosition([...early, ...locate(reserved)]));
  const parsed = rawDataMapSchema.safeParse(expanded.tree);
  if (!parsed.success) {
    const shape = translateZodIssues(parsed.error.issues, expanded.tree, rawDataMapSchema);
    return fail(byPosition([...early, ...locate(shape)]));
  }

  const { map, issues } = normalizeDataMap(parsed.data, {
    contentHash: dataMapContentHash(text),
    sourceFile: file,
  });
  const problems = byPosition([...early, ...locate(issues), ...locate(validateDataMap(map))]);
  if (hasErrors(problems)) return fail(problems);
  return { ok: true, map, warnings: problems };
}

/** The map, or a `DataMapError` listing every problem — for callers that cannot go on. */
export function dataMapOrThrow(result: DataMapParseResult): DataMap {
  if (!result.ok) throw new DataMapError(result.problems);
  return result.map;
}

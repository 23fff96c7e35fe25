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
import { byPosition, readYaml } from './yaml-problem';
import type { DataMapProblem } from './data-map-error';
import { DataMapError, hasErrors } from './data-map-error';
import type { Environment } from './expand-env';
import { expandEnvInTree } from './expand-env';
import type { DataMap } from './model';
import { normalizeDataMap } from './normalize';
import { rawDataMapSchema } from './raw-schema';
import { findReservedKeys } from './reserved-keys';
import { validateDataMap } from './validate-data-map';
import { translateZodIssues } from './zod-issues';

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
  const read = readYaml(text, file);
  const fail = (problems: readonly DataMapProblem[]): DataMapParseResult => ({
    ok: false,
    problems,
  });

  if (!read.ok) return fail(read.problems);
  const { warnings: yamlWarnings, locate } = read;

  const expanded = expandEnvInTree(read.tree, env, options.requireEnv ?? true);
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

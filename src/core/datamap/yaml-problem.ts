/**
 * YAML errors as problems (file, path, line, column, message, hint), and problems in file
 * order — shared by every YAML file privgraph reads (the data map, the policy), so they
 * report alike.
 */
import type { Document, YAMLError } from 'yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { DataMapIssue, DataMapProblem } from './data-map-error';
import { formatPath } from './data-map-error';
import { locatePath, pathAtOffset } from './yaml-location';

/** A duplicate key by name, any other YAML error verbatim. */
export function yamlProblem(
  error: YAMLError,
  doc: Document,
  lines: LineCounter,
  file: string,
): DataMapProblem {
  const { line, col } = lines.linePos(error.pos[0]);
  const path = pathAtOffset(doc, error.pos[0]);
  const duplicate = error.code === 'DUPLICATE_KEY';
  return {
    file,
    path: formatPath(path),
    line,
    column: col,
    message: duplicate
      ? `duplicate key '${String(path[path.length - 1] ?? '')}'`
      : `YAML: ${error.message}`,
    hint: duplicate
      ? 'a key may appear once per mapping; merge the two entries'
      : 'fix the YAML syntax here',
    severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
  };
}

/** In file order, as an editor lists them; a problem with no position goes last. */
export function byPosition(problems: DataMapProblem[]): DataMapProblem[] {
  const line = (p: DataMapProblem): number => p.line ?? Number.MAX_SAFE_INTEGER;
  return problems.sort((a, b) => line(a) - line(b) || (a.column ?? 0) - (b.column ?? 0));
}

/** Bounds alias expansion, so a crafted file cannot blow up into gigabytes. */
const MAX_ALIAS_COUNT = 100;

/** A YAML file read for validation: its tree, its YAML warnings, and how to turn issues
 * found in the tree into problems that name the file, path, line and column. */
export type ReadYaml =
  | { readonly ok: false; readonly problems: DataMapProblem[] }
  | {
      readonly ok: true;
      readonly tree: unknown;
      readonly warnings: DataMapProblem[];
      locate(issues: readonly DataMapIssue[]): DataMapProblem[];
    };

/** The one way privgraph reads its YAML files (data map, policy, holiday calendar): unique
 * keys, bounded aliases, errors as located problems. */
export function readYaml(text: string, file: string): ReadYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0)
    return { ok: false, problems: doc.errors.map((e) => yamlProblem(e, doc, lines, file)) };
  return {
    ok: true,
    tree: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
    warnings: doc.warnings.map((w) => yamlProblem(w, doc, lines, file)),
    locate: (issues) =>
      issues.map((i) => ({
        file,
        path: formatPath(i.path),
        ...locatePath(doc, lines, i.path),
        message: i.message,
        hint: i.hint,
        severity: i.severity,
      })),
  };
}

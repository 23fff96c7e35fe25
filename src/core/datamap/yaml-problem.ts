/**
 * YAML errors as problems (file, path, line, column, message, hint), and problems in file
 * order — shared by every YAML file privgraph reads (the data map, the policy), so they
 * report alike.
 */
import type { Document, LineCounter, YAMLError } from 'yaml';
import type { DataMapProblem } from './data-map-error';
import { formatPath } from './data-map-error';
import { pathAtOffset } from './yaml-location';

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

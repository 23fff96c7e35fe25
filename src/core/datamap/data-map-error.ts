/**
 * How a data map's problems are reported (SPEC §3: "validated with clear errors — file,
 * path, what is wrong, what would be right"). Every check returns problems as values so a
 * reviewer sees all of them in one run, not one per edit-and-retry.
 */

export type ProblemSeverity = 'error' | 'warning';

/** A problem found by a check that does not know the file: a path into the map. */
export interface DataMapIssue {
  /** Keys (and list indexes) from the document root, e.g. `['systems', 'accounts']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint: string;
  readonly severity: ProblemSeverity;
}

/** A problem located in a file, ready to print. */
export interface DataMapProblem {
  readonly file: string;
  /** Dotted, e.g. `systems.accounts.collections.users.fields.email.identity`. */
  readonly path: string;
  /** 1-based, where the YAML node could be found. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly hint: string;
  readonly severity: ProblemSeverity;
}

export function issue(
  path: readonly (string | number)[],
  message: string,
  hint: string,
  severity: ProblemSeverity = 'error',
): DataMapIssue {
  return { path, message, hint, severity };
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/** `file:line:col path: message (hint)` — the shape editors and CI annotators recognise. */
export function formatProblem(p: DataMapProblem): string {
  const location =
    p.line === undefined
      ? p.file
      : `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  const where = p.path.length > 0 ? ` ${p.path}` : '';
  const hint = p.hint.length > 0 ? ` (${p.hint})` : '';
  return `${location}${where}: ${p.message}${hint}`;
}

export function hasErrors(problems: readonly { severity: ProblemSeverity }[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Thrown by callers that cannot go on without a valid map (the server at start). */
export class DataMapError extends Error {
  readonly problems: readonly DataMapProblem[];

  constructor(problems: readonly DataMapProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `invalid data map (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.map(formatProblem).join('\n'),
    );
    this.name = 'DataMapError';
    this.problems = problems;
  }
}

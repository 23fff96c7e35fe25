/**
 * PostgreSQL's integrity-constraint violations (SQLSTATE class 23) as the gateway's
 * `SourceConstraintError`: the SQLSTATE and the constraint's name from the error's fields —
 * never its `detail`, which quotes the key's values.
 */
import type { ConstraintKind } from '../source-constraint-error';
import { SourceConstraintError } from '../source-constraint-error';

const KINDS: Readonly<Record<string, ConstraintKind>> = {
  '23503': 'foreign_key',
  '23505': 'unique',
  '23502': 'not_null',
  '23514': 'check',
};

export function postgresConstraintError(
  system: string,
  error: unknown,
): SourceConstraintError | undefined {
  const { code, constraint, column } = (error ?? {}) as {
    code?: unknown;
    constraint?: unknown;
    column?: unknown;
  };
  if (typeof code !== 'string' || !code.startsWith('23')) return undefined;
  const kind = KINDS[code] ?? 'other';
  const name =
    typeof constraint === 'string' ? constraint : typeof column === 'string' ? column : undefined;
  return new SourceConstraintError(system, {
    kind,
    code: `SQLSTATE ${code}`,
    ...(name === undefined ? {} : { constraint: name }),
  });
}

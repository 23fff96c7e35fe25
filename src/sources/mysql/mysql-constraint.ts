/**
 * MySQL/MariaDB integrity-constraint violations as the gateway's `SourceConstraintError`.
 * The server's message names the constraint, and for some errors quotes a value
 * (`Duplicate entry 'x' for key 'k'`): only the name is taken out of it, by a pattern that
 * cannot reach the value.
 */
import type { ConstraintKind } from '../source-constraint-error';
import { SourceConstraintError } from '../source-constraint-error';

interface Known {
  readonly kind: ConstraintKind;
  /** Where the constraint's name stands in the message (never the quoted value). */
  readonly name?: RegExp;
}

const FOREIGN_KEY = /CONSTRAINT `((?:[^`]|``)+)` FOREIGN KEY/;

const ERRNOS: Readonly<Record<number, Known>> = {
  1451: { kind: 'foreign_key', name: FOREIGN_KEY }, // ER_ROW_IS_REFERENCED_2
  1452: { kind: 'foreign_key', name: FOREIGN_KEY }, // ER_NO_REFERENCED_ROW_2
  1216: { kind: 'foreign_key' }, // ER_NO_REFERENCED_ROW
  1217: { kind: 'foreign_key' }, // ER_ROW_IS_REFERENCED
  1062: { kind: 'unique', name: /for key '([^']+)'$/ }, // ER_DUP_ENTRY
  1586: { kind: 'unique', name: /for key '([^']+)'$/ }, // ER_DUP_ENTRY_WITH_KEY_NAME
  1048: { kind: 'not_null', name: /^Column '([^']+)' cannot be null$/ }, // ER_BAD_NULL_ERROR
  1364: { kind: 'not_null', name: /^Field '([^']+)' doesn't have a default value$/ },
  3819: { kind: 'check', name: /^Check constraint '([^']+)' is violated/ }, // MySQL 8
  4025: { kind: 'check', name: /^CONSTRAINT `([^`]+)` failed/ }, // MariaDB
};

export function mysqlConstraintError(
  system: string,
  error: unknown,
): SourceConstraintError | undefined {
  const { errno, code, sqlMessage } = (error ?? {}) as {
    errno?: unknown;
    code?: unknown;
    sqlMessage?: unknown;
  };
  if (typeof errno !== 'number') return undefined;
  const known = ERRNOS[errno];
  if (!known) return undefined;
  const message = typeof sqlMessage === 'string' ? sqlMessage : '';
  const name = known.name?.exec(message)?.[1];
  return new SourceConstraintError(system, {
    kind: known.kind,
    code: `MySQL ${errno}${typeof code === 'string' ? ` ${code}` : ''}`,
    ...(name === undefined ? {} : { constraint: name.replace(/``/g, '`') }),
  });
}

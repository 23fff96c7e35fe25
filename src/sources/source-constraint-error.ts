/**
 * A source refused a write because it would break one of the source's own constraints — a
 * foreign key (another row still references the row), a unique key, NOT NULL, a CHECK.
 * Unlike `SourceUnavailableError` it is permanent: the same write fails the same way until a
 * person changes the data or the data map, so the request worker does not retry it as an
 * outage (docs/requests.md). It names the system, the collection, the kind of constraint and
 * its name — never a value: drivers put values in their messages and details
 * (`Duplicate entry '…'`, `Key (code)=(…)`), so only codes and names are kept.
 */

export type ConstraintKind = 'foreign_key' | 'unique' | 'not_null' | 'check' | 'other';

const KIND_TEXT: Record<ConstraintKind, string> = {
  foreign_key: 'a foreign key: another row still references it, or it references a missing row',
  unique: 'a unique key',
  not_null: 'a NOT NULL column',
  check: 'a check constraint',
  other: 'an integrity constraint',
};

export interface ConstraintFacts {
  readonly kind: ConstraintKind;
  /** The constraint's (or, for NOT NULL, the column's) name, as the source reports it. */
  readonly constraint?: string;
  /** The driver's code: SQLSTATE on PostgreSQL, errno and code on MySQL. */
  readonly code: string;
}

const PREFIX = (system: string) => `source "${system}" refused a write`;

export class SourceConstraintError extends Error {
  constructor(
    readonly system: string,
    readonly facts: ConstraintFacts,
    /** `system.collection` the refused statement wrote to, when known. */
    readonly collection?: string,
  ) {
    const where = collection ? ` to ${collection}` : '';
    const name = facts.constraint ? ` "${facts.constraint}"` : '';
    super(
      `${PREFIX(system)}${where}: it breaks constraint${name} (${KIND_TEXT[facts.kind]}; ${facts.code}) — not retried: fix the data or the data map, then retry the request`,
    );
    this.name = 'SourceConstraintError';
  }

  /** The same refusal, naming the collection the failed step wrote to. */
  in(collection: string): SourceConstraintError {
    return this.collection ? this : new SourceConstraintError(this.system, this.facts, collection);
  }
}

/** Whether a task's recorded error is such a refusal (the task table keeps the message). */
export function isConstraintRefusal(message: string | null): boolean {
  return message !== null && /^source "[^"]*" refused a write\b/.test(message);
}

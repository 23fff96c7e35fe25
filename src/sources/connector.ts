/**
 * The one interface every source kind implements (SPEC §5): batched lookup, describe,
 * health — and, for rights requests, update and delete. Small on purpose: the traversal,
 * the graph and the request executor know nothing else about a source.
 */
import type { CollectionDef, FieldDef, FieldType, IdentityFormat } from '../core/datamap/model';

/** A row keyed by the map's field keys (not the source's column names). */
export type SourceRow = Record<string, unknown>;

export interface LookupRequest {
  readonly collection: CollectionDef;
  /** The field matched against `values`. */
  readonly field: FieldDef;
  /** How to compare: the identity format's canonical form, or `exact` for a reference key. */
  readonly match: IdentityFormat;
  /** Canonical values; the connector drops values that cannot be of the column's type. */
  readonly values: readonly string[];
  /** Field keys to select (the connector always adds the matched field). A key of the form
   * `born_after.<field>` selects a boolean instead of the field: is the date in `<field>`
   * after `bornAfter`? So a decision can know a subject is a minor without reading their
   * date of birth (map keys never contain a dot, so these never collide with a field). */
  readonly fields: readonly string[];
  /** ISO date for `born_after.*` keys. */
  readonly bornAfter?: string;
}

export const BORN_AFTER_PREFIX = 'born_after.';

export interface ColumnDescription {
  readonly column: string;
  /** The source's own type name (e.g. `int4`, `varchar`, `timestamptz`). */
  readonly nativeType: string;
  readonly type: FieldType;
  readonly nullable: boolean;
}

export interface TableDescription {
  readonly table: string;
  readonly exists: boolean;
  readonly columns: readonly ColumnDescription[];
  /** The column lists that identify a row: the primary key and every unique constraint or
   * unique index (not partial, not on expressions). Absent when the source cannot say (an
   * HTTP service, a description cached by an older version); empty when the table has none. */
  readonly uniqueKeys?: readonly (readonly string[])[];
}

export interface SourceHealth {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

/** Called once per statement (or HTTP call) a connector sends: statement counts and query
 * logs in tests and benchmarks are taken here, at the connector. */
export type StatementObserver = (event: { system: string; text: string; params: number }) => void;

/** A row's primary-key values, by field key. */
export type RowKeyValues = Readonly<Record<string, unknown>>;

/** Writes inside one transaction the caller controls (SPEC §6: one transaction per source,
 * referencing rows before referenced rows). Values are bound, identifiers from the map. */
export interface SourceTransaction {
  /** Sets `changes` (field key → new value) on the row with primary key `key`; returns the
   * number of rows changed (0 when it is already gone). */
  update(
    collection: CollectionDef,
    key: RowKeyValues,
    changes: Readonly<Record<string, unknown>>,
  ): Promise<number>;
  /** Deletes the rows with these primary keys; returns how many were deleted. */
  delete(collection: CollectionDef, keys: readonly RowKeyValues[]): Promise<number>;
}

export interface SourceConnector {
  readonly system: string;
  readonly kind: string;
  lookup(request: LookupRequest): Promise<SourceRow[]>;
  /** Runs `work` in one transaction of this source: committed when it resolves, rolled back
   * when it throws. A source without transactions (an HTTP service) runs the calls in order
   * and says so in its documentation. */
  transaction<T>(work: (tx: SourceTransaction) => Promise<T>): Promise<T>;
  describe(collections: readonly CollectionDef[]): Promise<TableDescription[]>;
  health(): Promise<SourceHealth>;
  close(): Promise<void>;
  /** Learn column types from a stored description (the source was down at start). */
  learn?(tables: readonly TableDescription[]): void;
}

/** A source could not be reached or failed; names the system, never the data. */
export class SourceUnavailableError extends Error {
  constructor(
    readonly system: string,
    override readonly cause: unknown,
  ) {
    super(`source "${system}" is unavailable: ${describeCause(cause)}`);
    this.name = 'SourceUnavailableError';
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}

/**
 * What one connector kind supplies to the conformance suite (issue #4 item 4): the suite's
 * cases are written once, against `SourceConnector`; a factory per kind makes the fixture
 * table in its own source, seeds and reads it back directly (never through the connector),
 * and builds connectors — one over the fixture, one over a source that is down.
 *
 * To add a kind: implement `ConnectorFactory` in `test/conformance/<kind>-factory.ts` and
 * call `describeConnectorConformance(factory)` from a test file of the jest project that
 * has the kind's server (see `test/graph/postgres-conformance.test.ts`).
 */
import type { CollectionDef, FieldDef, FieldType } from '../../src/core/datamap/model';
import type { SourceConnector } from '../../src/sources/connector';

/** The system key of the fixture's connector, and of the one whose source is down. */
export const FIXTURE_SYSTEM = 'conformance';
export const DOWN_SYSTEM = 'conformance_down';
export const FIXTURE_TABLE = 'conformance_people';
export const MISSING_TABLE = 'conformance_missing';

/**
 * The fixture's columns and the type each must have in `describe` and in the values a
 * lookup returns. Suggested native types, per kind: see the factories. Field keys equal
 * column names except `remark` (column `note`): rows are keyed by the map's keys.
 */
export const FIXTURE_COLUMNS: readonly { column: string; key: string; type: FieldType }[] = [
  { column: 'id', key: 'id', type: 'int' }, // primary key, not null
  { column: 'account_no', key: 'account_no', type: 'bigint' }, // 64-bit
  { column: 'balance', key: 'balance', type: 'decimal' }, // 12 digits, scale 2
  { column: 'ratio', key: 'ratio', type: 'float' }, // double precision
  { column: 'active', key: 'active', type: 'boolean' },
  { column: 'born_on', key: 'born_on', type: 'date' },
  { column: 'seen_at', key: 'seen_at', type: 'datetime' }, // millisecond precision at least
  { column: 'profile', key: 'profile', type: 'json' },
  { column: 'note', key: 'remark', type: 'string' }, // long text
  { column: 'email', key: 'email', type: 'string' }, // an `email` identity
  { column: 'phone', key: 'phone', type: 'string' }, // a `phone_cn` identity
  { column: 'code', key: 'code', type: 'string' }, // an exact key; case and spaces matter
];

/** A fixture row by column name, in the forms every connector returns (SPEC §5):
 * 64-bit integers and decimals as strings, dates as `YYYY-MM-DD`, date-times as `Date`s. */
export interface FixtureRow {
  readonly id: number;
  readonly account_no: string | null;
  readonly balance: string | null;
  readonly ratio: number | null;
  readonly active: boolean | null;
  readonly born_on: string | null;
  readonly seen_at: Date | null;
  readonly profile: unknown;
  readonly note: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly code: string | null;
}

export interface StatementEvent {
  readonly system: string;
  readonly text: string;
}

export interface ConformanceTarget {
  /** Connected to the fixture's source; its observer appends to `statements`. */
  readonly connector: SourceConnector;
  /** Every statement (or call) `connector` sent; the suite empties it as it needs. */
  readonly statements: StatementEvent[];
  /** Replaces the fixture table's rows with these, directly (not through the connector). */
  seed(rows: readonly FixtureRow[]): Promise<void>;
  /** The fixture table's rows, ordered by id, read directly (not through the connector). */
  readBack(): Promise<FixtureRow[]>;
  /** Closes the connector and removes whatever `open` created. */
  close(): Promise<void>;
}

export interface ConnectorFactory {
  /** The connector kind (`postgres`, `mysql`, `http`), for test names. */
  readonly kind: string;
  /** What `transaction(work)` guarantees when `work` throws: `atomic` (default) rolls back
   * every write; `in-order` (a service without transactions) keeps the writes made before
   * the throw, as its documentation must say. Either way the error is rethrown. */
  readonly transactions?: 'atomic' | 'in-order';
  /** Creates the fixture table (empty) in a fresh, private namespace of a real source. */
  open(): Promise<ConformanceTarget>;
  /** A connector of this kind, system `DOWN_SYSTEM`, whose source is 127.0.0.1:`port` with
   * this connect (or call) timeout: port 9, where nothing listens, or a port that accepts
   * connections and never answers. */
  unreachable(connectTimeoutMs: number, port: number): SourceConnector;
  /** Collections as this kind's map declares them (an HTTP service adds its endpoints);
   * default: `fixtureCollection`. */
  collection?(key: string, table: string, primaryKey: readonly string[]): CollectionDef;
}

/** The fixture table as a data map describes it (types declared, as a service needs).
 * Collection keys must differ between tables: connectors may cache statements by key. */
export function fixtureCollection(
  key: string,
  table: string,
  primaryKey: readonly string[],
  system: string = FIXTURE_SYSTEM,
): CollectionDef {
  const address = { system, collection: key };
  const fields: FieldDef[] = FIXTURE_COLUMNS.map(({ column, key: field, type }) => ({
    key: field,
    address: { ...address, field },
    column,
    type,
    follow: 'down',
  }));
  return { key, address, table, primaryKey, purposes: ['dsar'], erasure: 'delete', fields };
}

/**
 * The validated data map: which system holds which personal data, about whom, for what
 * purpose (SPEC §2–§3). Everything downstream — the subject graph, the traversal, rights
 * requests — reads only this normalised model, never the raw YAML.
 *
 * Glossary
 * - system: an internal system with an owner, a region, a controller and at most one source.
 * - collection: a table (or a service's resource) in a system; addressed `system.collection`.
 * - field: a column/attribute of a collection; addressed `system.collection.field`.
 * - identity kind: a key a data subject can be found by (email, phone, user id…). A field
 *   that declares `identity: K` is a place where people are found by K. A `shared` kind
 *   (a device id, an IP) locates rows but never seeds further lookups (SPEC §5); a field
 *   declared `shared` does the same for one field of a personal kind.
 * - reference: field → field of another (or the same) collection, possibly in another
 *   system; the edges the subject graph is joined along, followed both ways.
 */

/** How identity values are compared: each kind has one canonical form (SPEC §5). */
export type IdentityFormat = 'exact' | 'email' | 'lowercase' | 'phone_cn' | 'digits';

export interface IdentityKind {
  readonly name: string;
  readonly format: IdentityFormat;
  readonly shared: boolean;
  readonly description?: string;
}

export interface PostgresSourceDef {
  readonly kind: 'postgres';
  readonly url: string;
  /** PostgreSQL schema holding the system's tables (default `public`). */
  readonly schema: string;
}

export interface MysqlSourceDef {
  readonly kind: 'mysql';
  readonly url: string;
}

export interface HttpSourceDef {
  readonly kind: 'http';
  readonly baseUrl: string;
  /** Sent with every call; a header whose value is empty (an unset `${TOKEN:-}`) is not sent. */
  readonly headers: Readonly<Record<string, string>>;
  /** Deadline of one call, its retries included (docs/http-sources.md). */
  readonly timeoutMs: number;
  /** Path answered 2xx when the service is up; absent: any answer from `baseUrl` counts. */
  readonly health?: string;
  /** Further attempts of an idempotent call after a network error, a timeout or a 429/5xx. */
  readonly retries: number;
}

// ---- HTTP endpoints (issue #4 item 2): a service has no catalogue, so each collection
// declares how its rows are read and written. Paths are templates: `{name}` placeholders,
// filled with URL-encoded values (see `path-template.ts` and docs/http-sources.md).

/** Batched lookup: GET with `{field}` and `{values}` in the path, or POST with a JSON body
 * `{ field, values, cursor? }`. */
export interface HttpLookupEndpoint {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Dotted path to the list of rows in the response; absent: the response is the list. */
  readonly rows?: string;
  /** Dotted path to the next page's cursor; absent: the service does not page. */
  readonly nextPage?: string;
  /** Query parameter (GET) or body property (POST) the cursor is sent back in. */
  readonly cursorParam: string;
}

/** Update or delete: one call per row (`{<primary key field>}` placeholders), or — delete
 * only, `batch: true` — one call for all rows with a JSON body `{ keys: [...] }`. */
export interface HttpWriteEndpoint {
  readonly method: 'PATCH' | 'PUT' | 'POST' | 'DELETE';
  readonly path: string;
  readonly batch: boolean;
  /** Safe to repeat, hence to retry: PUT and DELETE by default, PATCH and POST only if the
   * map says so. */
  readonly idempotent: boolean;
  /** Batched delete: dotted path to the number deleted in the response. */
  readonly count?: string;
}

export interface HttpEndpoints {
  /** Required in an HTTP system (checked in `validate-endpoints.ts`). */
  readonly lookup?: HttpLookupEndpoint;
  readonly update?: HttpWriteEndpoint;
  readonly delete?: HttpWriteEndpoint;
}

export type SourceDef = PostgresSourceDef | MysqlSourceDef | HttpSourceDef;

/** Scalar types a field may declare (a service has no catalogue; a database column's
 * type is read from the source itself and wins over a declaration). */
export type FieldType =
  | 'string'
  | 'int'
  | 'bigint'
  | 'float'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'json'
  | 'uuid'
  | 'bytes';

/** How a field is rewritten when its row must survive an erasure (SPEC §6). */
export type FieldErasure = 'null' | 'mask' | 'hash' | 'random';

export interface FieldAddress {
  readonly system: string;
  readonly collection: string;
  readonly field: string;
}

export interface CollectionAddress {
  readonly system: string;
  readonly collection: string;
}

/**
 * Which way the traversal follows a reference `child.field → parent.field` (SPEC §5):
 * - `down` (default): rows that reference a subject's row belong to that subject
 *   (users ← employees ← tasks ← approvals);
 * - `up`: the row this row points to is pulled in as a *related* row (an employee's
 *   organisation) — shown, but never expanded further, so an organisation never pulls in
 *   all its other employees;
 * - `both`: down and up; `none`: navigation only.
 * A reference to an identity field followed down (`down`, `both`) carries that identity: its
 * values seed identity lookups like the identity field itself would. One followed `up` or
 * `none` does not (its value is someone related's), except for a shared kind, whose values
 * only ever find terminal rows.
 */
export type ReferenceFollow = 'down' | 'up' | 'both' | 'none';

export interface FieldDef {
  /** The key in the map (also the default column name). */
  readonly key: string;
  readonly address: FieldAddress;
  /** The column (or attribute) name in the source. */
  readonly column: string;
  /** Declared, or — on a reference declaring none — the referenced field's (followed along a
   * chain of references), so a reference protects what it points at (`inherit-categories.ts`). */
  readonly category?: string;
  /** Set when `category` was inherited: the field that declares it. */
  readonly categoryFrom?: FieldAddress;
  readonly identity?: string;
  /** On a reference not declaring an identity: the kind the referenced field (or chain)
   * declares — its values are of that kind, so they take its canonical form when hashed. Not
   * a place people are looked up (only `identity` is). */
  readonly heldIdentity?: string;
  /**
   * `shared: true` on an identity field: the field locates rows, but a row it finds may
   * belong to someone else (a gift order's recipient phone). Such a row is *terminal* — shown,
   * never expanded — and the field's values never seed lookups, exactly as for a `shared`
   * identity kind but for this one field (docs/traversal.md). Only with `identity`.
   */
  readonly shared?: boolean;
  readonly references?: FieldAddress;
  readonly follow: ReferenceFollow;
  readonly type?: FieldType;
  readonly erasure?: FieldErasure;
  readonly graphqlName?: string;
  readonly description?: string;
}

export interface RetentionRule {
  readonly days?: number;
  readonly description?: string;
}

export interface CollectionDef {
  readonly key: string;
  readonly address: CollectionAddress;
  /** The table (or resource) name in the source. */
  readonly table: string;
  readonly primaryKey: readonly string[];
  readonly purposes: readonly string[];
  readonly legalBasis?: string;
  readonly retention?: RetentionRule;
  /** `delete`: erase the row; `rewrite`: keep the row, rewrite its personal fields. */
  readonly erasure: 'delete' | 'rewrite';
  readonly fields: readonly FieldDef[];
  /** How an HTTP source serves this collection; only in systems whose source is `http`. */
  readonly endpoints?: HttpEndpoints;
  readonly graphqlName?: string;
  readonly description?: string;
}

export interface SystemDef {
  readonly key: string;
  readonly name: string;
  readonly owner?: string;
  readonly region?: string;
  readonly controller?: string;
  readonly description?: string;
  /** Absent for a catalogue-only entry (a third-party SDK, a processor). */
  readonly source?: SourceDef;
  readonly collections: readonly CollectionDef[];
  readonly graphqlName?: string;
}

export interface CategoryDef {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly builtIn: boolean;
}

export interface PurposeDef {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
}

export interface LegalBasisDef {
  readonly key: string;
  readonly description?: string;
}

export interface DataMap {
  readonly version: 1;
  readonly organization: { readonly name: string; readonly homeRegion?: string };
  readonly identities: ReadonlyMap<string, IdentityKind>;
  /** Built-in taxonomy plus the map's own extensions, keyed by dotted category key. */
  readonly categories: ReadonlyMap<string, CategoryDef>;
  readonly purposes: ReadonlyMap<string, PurposeDef>;
  readonly legalBases: ReadonlyMap<string, LegalBasisDef>;
  readonly systems: readonly SystemDef[];
  /** sha256 of the map's source text after `${VAR}` expansion was *not* applied, so the
   * hash names the reviewed file, not the deployment's secrets. */
  readonly contentHash: string;
  readonly sourceFile: string;
}

export function formatFieldAddress(a: FieldAddress): string {
  return `${a.system}.${a.collection}.${a.field}`;
}

export function formatCollectionAddress(a: CollectionAddress): string {
  return `${a.system}.${a.collection}`;
}

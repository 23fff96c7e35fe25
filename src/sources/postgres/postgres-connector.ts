/**
 * PostgreSQL source connector (SPEC §5): one `pg` pool per source; every value bound as a
 * parameter; every identifier taken from the validated data map and quoted by `pg`'s own
 * `escapeIdentifier`. One statement per batched lookup, whatever the number of values.
 */
import { Pool, escapeIdentifier } from 'pg';
import type {
  CollectionDef,
  FieldDef,
  FieldType,
  PostgresSourceDef,
  SystemDef,
} from '../../core/datamap/model';
import type {
  ColumnDescription,
  LookupRequest,
  SourceConnector,
  SourceHealth,
  SourceRow,
  StatementObserver,
  TableDescription,
} from '../connector';
import { BORN_AFTER_PREFIX, SourceUnavailableError } from '../connector';
import type { SourceTransaction } from '../connector';
import { postgresConstraintError } from './postgres-constraint';
import { postgresTransaction } from './postgres-writes';
import { acceptsValue } from '../field-values';
import { canonicalExpressionPg } from './canonical-sql';
import { fieldTypeOfPg, pgTypeParsers } from './postgres-types';

export interface PostgresConnectorOptions {
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
  readonly queryTimeoutMs?: number;
  readonly observer?: StatementObserver;
}

const NATIVE_TYPE = /^[a-z0-9_]+$/;
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar', 'name', 'citext']);

export class PostgresConnector implements SourceConnector {
  readonly kind = 'postgres';
  readonly system: string;
  private readonly pool: Pool;
  private readonly schema: string;
  /** Column types by `table\0column`, learnt from `describe`, used to bind typed arrays. */
  private readonly columnTypes = new Map<string, ColumnDescription>();
  private readonly statements = new Map<string, string>();

  constructor(
    system: SystemDef,
    source: PostgresSourceDef,
    private readonly options: PostgresConnectorOptions = {},
  ) {
    this.system = system.key;
    this.schema = source.schema;
    this.pool = new Pool({
      connectionString: source.url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 15000,
      types: pgTypeParsers,
    });
    // An idle client's network error must not crash the gateway; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  /** Whether `value` can be stored in the field's column (a value that cannot matches
   * nothing: dropped before the statement, for lookups and writes alike). */
  private accepts(
    collection: CollectionDef,
    field: FieldDef,
    value: string,
    exact = true,
  ): boolean {
    const column = this.columnTypes.get(`${collection.table}\u0000${field.column}`);
    const type: FieldType = exact ? (column?.type ?? field.type ?? 'string') : 'string';
    return acceptsValue(type, value, column?.nativeType);
  }

  async lookup(request: LookupRequest): Promise<SourceRow[]> {
    const { collection, field } = request;
    const column = this.columnTypes.get(`${collection.table}\u0000${field.column}`);
    const exact = request.match === 'exact';
    const values = request.values.filter((value) => this.accepts(collection, field, value, exact));
    if (values.length === 0) return [];
    const text = this.lookupStatement(request, column);
    const derived = request.fields.some((key) => key.startsWith(BORN_AFTER_PREFIX));
    return this.run(text, derived ? [values, request.bornAfter ?? null] : [values]);
  }

  private lookupStatement(request: LookupRequest, column: ColumnDescription | undefined): string {
    const { collection, field, match } = request;
    const cacheKey = `${collection.key}\u0000${field.key}\u0000${match}\u0000${request.fields.join('\u0000')}`;
    const cached = this.statements.get(cacheKey);
    if (cached) return cached;
    const keys = request.fields.includes(field.key)
      ? request.fields
      : [...request.fields, field.key];
    const byKey = new Map(collection.fields.map((f) => [f.key, f]));
    const select = keys
      .map((key) => {
        if (!key.startsWith(BORN_AFTER_PREFIX)) {
          return `${escapeIdentifier(byKey.get(key)?.column ?? key)} AS ${escapeIdentifier(key)}`;
        }
        const dated = byKey.get(key.slice(BORN_AFTER_PREFIX.length));
        if (!dated) return `NULL AS ${escapeIdentifier(key)}`;
        return `(${escapeIdentifier(dated.column)}::date > $2::date) AS ${escapeIdentifier(key)}`;
      })
      .join(', ');
    const quoted = escapeIdentifier(field.column);
    let where: string;
    if (match !== 'exact') {
      where = `${canonicalExpressionPg(match, quoted)} = ANY($1::text[])`;
    } else if (column && column.type !== 'string' && NATIVE_TYPE.test(column.nativeType)) {
      where = `${quoted} = ANY($1::${column.nativeType}[])`;
    } else {
      const textual = column !== undefined && TEXT_TYPES.has(column.nativeType);
      where = textual ? `${quoted} = ANY($1::text[])` : `${quoted}::text = ANY($1::text[])`;
    }
    const text = `SELECT ${select} FROM ${this.tableName(collection)} WHERE ${where}`;
    this.statements.set(cacheKey, text);
    return text;
  }

  async describe(collections: readonly CollectionDef[]): Promise<TableDescription[]> {
    const rows = await this.run(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = ANY($2::text[]) ORDER BY table_name, ordinal_position`,
      [this.schema, collections.map((c) => c.table)],
    );
    // What identifies a row (the start-up check compares the map's primaryKey with it):
    // unique indexes — a primary key or unique constraint has one — on plain columns only.
    const keys = await this.run(
      `SELECT c.relname AS table_name,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE n.nspname = $1 AND c.relname = ANY($2::text[])
         AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
       GROUP BY c.relname, i.indexrelid
       ORDER BY c.relname, i.indexrelid`,
      [this.schema, collections.map((c) => c.table)],
    );
    return collections.map((collection) => {
      const columns: ColumnDescription[] = rows
        .filter((row) => row.table_name === collection.table)
        .map((row) => ({
          column: String(row.column_name),
          nativeType: String(row.udt_name),
          type: fieldTypeOfPg(String(row.udt_name)),
          nullable: row.is_nullable === 'YES',
        }));
      for (const column of columns)
        this.columnTypes.set(`${collection.table}\u0000${column.column}`, column);
      const uniqueKeys = keys
        .filter((row) => row.table_name === collection.table)
        .map((row) => (row.columns as unknown[]).map(String));
      return { table: collection.table, exists: columns.length > 0, columns, uniqueKeys };
    });
  }

  async transaction<T>(work: (tx: SourceTransaction) => Promise<T>): Promise<T> {
    let client;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new SourceUnavailableError(this.system, error);
    }
    try {
      await client.query('BEGIN');
      const tx = postgresTransaction(
        this.system,
        client,
        (c) => this.tableName(c),
        (text, params) => this.options.observer?.({ system: this.system, text, params }),
        (collection, field, value) => this.accepts(collection, field, value),
      );
      const result = await work(tx);
      // a deferred constraint is checked here, at the end of the transaction
      await client.query('COMMIT').catch((error: unknown) => {
        throw postgresConstraintError(this.system, error) ?? error;
      });
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Teach the connector column types from a cached description (source down at start). */
  learn(tables: readonly TableDescription[]): void {
    for (const table of tables) {
      for (const column of table.columns)
        this.columnTypes.set(`${table.table}\u0000${column.column}`, column);
    }
  }

  async health(): Promise<SourceHealth> {
    const started = Date.now();
    try {
      await this.run('SELECT 1', []);
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, latencyMs: Date.now() - started, error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private tableName(collection: CollectionDef): string {
    return `${escapeIdentifier(this.schema)}.${escapeIdentifier(collection.table)}`;
  }

  private async run(text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    this.options.observer?.({ system: this.system, text, params: params.length });
    try {
      const result = await this.pool.query(text, params);
      return result.rows as Record<string, unknown>[];
    } catch (error) {
      throw new SourceUnavailableError(this.system, error);
    }
  }
}

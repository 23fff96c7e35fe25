/**
 * MySQL/MariaDB source connector (SPEC §5), the same shape as the PostgreSQL one: one
 * `mysql2` pool per source; every value bound as a parameter of a prepared statement; every
 * identifier taken from the validated data map and escaped by `mysql2`'s `escapeId`. One
 * statement per batched lookup, whatever the number of values.
 */
import type { ExecuteValues } from 'mysql2';
import type { Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';
import type {
  CollectionDef,
  FieldDef,
  FieldType,
  MysqlSourceDef,
  SystemDef,
} from '../../core/datamap/model';
import type {
  LookupRequest,
  SourceConnector,
  SourceHealth,
  SourceRow,
  SourceTransaction,
  StatementObserver,
  TableDescription,
} from '../connector';
import { acceptsValue } from '../field-values';
import { describeMysqlTables, describeMysqlUniqueKeys } from './mysql-describe';
import type { LookupStatement, MysqlColumn } from './mysql-lookup';
import { buildLookupStatement, lookupCacheKey, paddedLength, qualifiedTable } from './mysql-lookup';
import { createMysqlPool, databaseOfMysqlUrl, mysqlSourceError } from './mysql-pool';
import { bindableMysqlValue, normaliseMysqlValue } from './mysql-types';
import { mysqlTransaction } from './mysql-writes';

export interface MysqlConnectorOptions {
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
  readonly queryTimeoutMs?: number;
  readonly observer?: StatementObserver;
}

type Row = Record<string, unknown>;

export class MysqlConnector implements SourceConnector {
  readonly kind = 'mysql';
  readonly system: string;
  private readonly pool: Pool;
  private readonly database: string;
  /** Columns by table, learnt from `describe` (or a stored description). */
  private readonly tables = new Map<string, readonly MysqlColumn[]>();
  private readonly statements = new Map<string, LookupStatement>();

  constructor(
    system: SystemDef,
    source: MysqlSourceDef,
    private readonly options: MysqlConnectorOptions = {},
  ) {
    this.system = system.key;
    this.database = databaseOfMysqlUrl(system.key, source.url);
    this.pool = createMysqlPool(source.url, options);
  }

  async lookup(request: LookupRequest): Promise<SourceRow[]> {
    const { collection, field } = request;
    const column = this.column(collection, field);
    const type: FieldType =
      request.match === 'exact' ? (column?.type ?? field.type ?? 'string') : 'string';
    const values = request.values.filter((value) => acceptsValue(type, value));
    if (values.length === 0) return [];
    const slots = paddedLength(values.length);
    const statement = this.lookupStatement(request, slots);
    const bound = Array.from({ length: slots }, (_, i) =>
      bindableMysqlValue(type, values[Math.min(i, values.length - 1)] ?? ''),
    );
    const rows = await this.run(statement.text, [
      ...Array.from({ length: statement.bornAfterSlots }, () => request.bornAfter ?? null),
      ...bound,
      ...(statement.valuesTwice ? bound : []),
    ]);
    return rows.map((row) => {
      const out: SourceRow = {};
      for (const [key, keyType] of statement.types)
        out[key] = normaliseMysqlValue(keyType, row[key]);
      return out;
    });
  }

  private lookupStatement(request: LookupRequest, slots: number): LookupStatement {
    const key = lookupCacheKey(request, slots);
    let statement = this.statements.get(key);
    if (!statement) {
      const { collection } = request;
      statement = buildLookupStatement(
        request,
        {
          table: qualifiedTable(this.database, collection),
          column: (field) => this.column(collection, field),
          columns: () => this.tables.get(collection.table) ?? [],
        },
        slots,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }

  async describe(collections: readonly CollectionDef[]): Promise<TableDescription[]> {
    const described = await describeMysqlTables(
      this.database,
      collections.map((c) => c.table),
      (text, params) => this.run(text, params),
    );
    this.remember(described);
    const keys = await describeMysqlUniqueKeys(
      this.database,
      collections.map((c) => c.table),
      (text, params) => this.run(text, params),
    );
    return collections.map((collection) => {
      const columns = described.get(collection.table) ?? [];
      return {
        table: collection.table,
        exists: columns.length > 0,
        columns: columns.map(({ column, nativeType, type, nullable }) => ({
          column,
          nativeType,
          type,
          nullable,
        })),
        uniqueKeys: keys.get(collection.table) ?? [],
      };
    });
  }

  /** Teach the connector column types from a cached description (source down at start).
   * Collations are not in it, so string comparisons take the always-exact form. */
  learn(tables: readonly TableDescription[]): void {
    this.remember(new Map(tables.map((table) => [table.table, table.columns])));
  }

  async transaction<T>(work: (tx: SourceTransaction) => Promise<T>): Promise<T> {
    let connection: PoolConnection;
    try {
      connection = await this.pool.getConnection();
    } catch (error) {
      throw mysqlSourceError(this.system, error);
    }
    // BEGIN/COMMIT/ROLLBACK are bounded in time like any statement: a source that stops
    // answering mid-transaction fails the request, it does not hold it
    const control = async (sql: string) => {
      await connection.query({ sql, timeout: this.options.queryTimeoutMs ?? 15000 });
    };
    try {
      await control('START TRANSACTION').catch((error: unknown) => {
        throw mysqlSourceError(this.system, error);
      });
      const tx = mysqlTransaction({
        tableName: (collection) => qualifiedTable(this.database, collection),
        column: (collection, field) => this.column(collection, field),
        run: async (text, params) => {
          const [result] = await this.execute(connection, text, params);
          return (result as ResultSetHeader).affectedRows;
        },
      });
      const result = await work(tx);
      await control('COMMIT').catch((error: unknown) => {
        throw mysqlSourceError(this.system, error);
      });
      return result;
    } catch (error) {
      // a connection that cannot even roll back is not given back to the pool
      await control('ROLLBACK').catch(() => connection.destroy());
      throw error;
    } finally {
      connection.release();
    }
  }

  async health(): Promise<SourceHealth> {
    const started = Date.now();
    try {
      await this.run('SELECT 1', [], this.options.connectTimeoutMs ?? 5000);
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, latencyMs: Date.now() - started, error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private column(collection: CollectionDef, field: FieldDef): MysqlColumn | undefined {
    return this.tables.get(collection.table)?.find((c) => c.column === field.column);
  }

  private remember(tables: ReadonlyMap<string, readonly MysqlColumn[]>): void {
    for (const [table, columns] of tables) this.tables.set(table, columns);
    // statements built before were built without these columns' types and collations
    this.statements.clear();
  }

  private async run(text: string, params: unknown[], timeoutMs?: number): Promise<Row[]> {
    const [rows] = await this.execute(this.pool, text, params, timeoutMs);
    return rows as Row[];
  }

  /** Every statement goes through here: observed, prepared, bounded in time. */
  private execute(
    on: Pool | PoolConnection,
    text: string,
    params: unknown[],
    timeoutMs = this.options.queryTimeoutMs ?? 15000,
  ): Promise<[unknown, unknown]> {
    this.options.observer?.({ system: this.system, text, params: params.length });
    return on
      .execute({ sql: text, timeout: timeoutMs }, params as ExecuteValues[])
      .catch((error: unknown) => {
        throw mysqlSourceError(this.system, error);
      });
  }
}

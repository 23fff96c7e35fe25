/**
 * The `mysql2` pool of one MySQL/MariaDB source, configured so values read back have the
 * PostgreSQL connector's forms (see `mysql-types.ts`), and the error a source's failure
 * becomes: the system's name and the driver's code, never a value or a statement.
 */
import type { Pool, PoolOptions } from 'mysql2/promise';
import { createPool } from 'mysql2/promise';
import type { TypeCast } from 'mysql2';
import { SourceUnavailableError } from '../connector';
import type { SourceConstraintError } from '../source-constraint-error';
import { mysqlConstraintError } from './mysql-constraint';

export interface MysqlPoolOptions {
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
}

/** The database a source's tables live in: the path of its URL (`mysql://…/shop`). */
export function databaseOfMysqlUrl(system: string, url: string): string {
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!database || database.includes('/'))
    throw new Error(
      `system "${system}": a mysql source url must name one database (mysql://host/db)`,
    );
  return database;
}

/** `TINYINT(1)` is MySQL's BOOLEAN: read it as one, like PostgreSQL's `bool`. */
const tinyintOneAsBoolean: TypeCast = (field, next) => {
  if (field.type !== 'TINY' || field.length !== 1) return next();
  const text = field.string();
  return text === null ? null : text !== '0';
};

export function createMysqlPool(url: string, options: MysqlPoolOptions): Pool {
  // Host, port, credentials and database only: query parameters of the URL could override
  // the options below that the value forms depend on.
  const parsed = new URL(url);
  const config: PoolOptions = {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    charset: 'utf8mb4',
    connectionLimit: options.poolSize ?? 4,
    maxIdle: options.poolSize ?? 4,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    enableKeepAlive: true,
    // one prepared statement per text and connection; lookups pad their IN lists to powers
    // of two, so a few hundred cover every shape a map produces
    maxPreparedStatements: 512,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: ['DATE'],
    // JSON is parsed once, by type (`normaliseMysqlValue`): the driver parses MariaDB's JSON
    // only when the server sends a format hint, and a parsed JSON string looks like text
    jsonStrings: true,
    timezone: 'Z',
    typeCast: tinyintOneAsBoolean,
  };
  const pool = createPool(config);
  // the core pool's event: it hands over the callback-style connection
  pool.pool.on('connection', (connection) => {
    // An idle connection's network error must not crash the gateway; the next statement
    // reports it. TIMESTAMP values are sent in the session zone: make it UTC, as read.
    connection.on('error', () => undefined);
    connection.query("SET time_zone = '+00:00'", () => undefined);
  });
  return pool;
}

/** A driver failure as the gateway's source error: a constraint the server enforces is a
 * refusal (permanent), anything else an outage. A server error's message can quote a value
 * (`Duplicate entry '…'`), so only its code travels; network errors travel whole. */
export function mysqlSourceError(
  system: string,
  error: unknown,
): SourceUnavailableError | SourceConstraintError {
  if (error instanceof SourceUnavailableError) return error;
  const refused = mysqlConstraintError(system, error);
  if (refused) return refused;
  const server = error as { sqlMessage?: unknown; code?: unknown; errno?: unknown };
  if (typeof server.sqlMessage === 'string') {
    const cause = new Error(`server error ${String(server.errno ?? '')}`.trim());
    Object.assign(cause, { code: typeof server.code === 'string' ? server.code : 'ER_SERVER' });
    return new SourceUnavailableError(system, cause);
  }
  return new SourceUnavailableError(system, error);
}

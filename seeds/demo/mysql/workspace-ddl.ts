/**
 * MySQL/MariaDB DDL for the demo's 数智空间 workspace system, from the same `TableSpec`s as
 * the PostgreSQL DDL (so the two cannot disagree about a column), for the demo variant whose
 * workspace runs on MariaDB (`mariadb-demo-map.ts`, issue #4 item 5).
 *
 * Identity columns get an indexed virtual column holding the connector's own canonical
 * expression, in a binary no-pad collation: MariaDB 10.11 cannot index an expression
 * directly, and the connector recognises such a column by its expression and compares
 * against it, so a canonical lookup stays an index lookup (SPEC §5).
 */
import { escapeId } from 'mysql2';
import type { ColumnSpec, SqlType, TableSpec } from '../../lib/table-spec';
import {
  EXACT_COLLATION,
  canonicalExpressionMysql,
} from '../../../src/sources/mysql/canonical-sql';
import { DEMO_TABLES } from '../tables';

export const WORKSPACE_SCHEMA = 'workspace';

/** The workspace tables, in load order (a foreign key points to a table listed before). */
export const WORKSPACE_TABLES: readonly TableSpec[] = DEMO_TABLES.filter(
  (spec) => spec.schema === WORKSPACE_SCHEMA,
);

const q = (name: string): string => escapeId(name, true);

/** The generated column holding `column`'s canonical form, when it has one. */
export function canonicalColumnName(column: ColumnSpec): string | undefined {
  if (!column.identity || column.identity === 'exact') return undefined;
  return `${column.name}__canonical`;
}

function mysqlType(column: ColumnSpec): string {
  const byType: Record<SqlType, string> = {
    bigint: 'BIGINT',
    integer: 'INT',
    // indexed strings need a bounded length; free text does not
    text: column.identity || column.indexed || column.foreignKey ? 'VARCHAR(255)' : 'TEXT',
    date: 'DATE',
    timestamptz: 'DATETIME(6)',
    boolean: 'BOOLEAN',
    numeric: 'DECIMAL(30, 10)',
    uuid: 'UUID',
  };
  return byType[column.type];
}

export function createWorkspaceTableSql(spec: TableSpec): string {
  const lines: string[] = [];
  const indexes: string[] = [];
  for (const column of spec.columns) {
    lines.push(`${q(column.name)} ${mysqlType(column)}${column.notNull ? ' NOT NULL' : ''}`);
    const canonical = canonicalColumnName(column);
    if (canonical && column.identity) {
      const expression = canonicalExpressionMysql(column.identity, q(column.name));
      lines.push(
        `${q(canonical)} VARCHAR(320) CHARACTER SET utf8mb4 COLLATE ${EXACT_COLLATION} AS (${expression}) VIRTUAL`,
      );
      indexes.push(`INDEX (${q(canonical)})`);
    } else if (column.identity || column.indexed) {
      indexes.push(`INDEX (${q(column.name)})`);
    }
    if (column.foreignKey) {
      indexes.push(
        `FOREIGN KEY (${q(column.name)}) REFERENCES ${q(column.foreignKey.table)} (${q(column.foreignKey.column)})`,
      );
    }
  }
  const key = `PRIMARY KEY (${spec.primaryKey.map(q).join(', ')})`;
  const body = [...lines, key, ...indexes].map((line) => `  ${line}`).join(',\n');
  return `CREATE TABLE ${q(spec.table)} (\n${body}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;
}

/** Tables in load order. */
export function workspaceDdl(): string[] {
  return WORKSPACE_TABLES.map(createWorkspaceTableSql);
}

/** Drops the workspace tables, referencing tables first; nothing else is touched. */
export function workspaceDropDdl(): string[] {
  return [...WORKSPACE_TABLES].reverse().map((spec) => `DROP TABLE IF EXISTS ${q(spec.table)}`);
}

/**
 * The physical shape of a fixture world: one `TableSpec` per collection, shared by the DDL,
 * the bulk loader and the generator's row builders, so the three cannot disagree about a
 * column. The data map (YAML) describes the same tables for the gateway; a unit test checks
 * that the two agree (same columns, same identity formats).
 */
import { escapeIdentifier } from 'pg';
import type { IdentityFormat } from '../../src/core/datamap/model';
import { canonicalExpressionPg } from '../../src/sources/postgres/canonical-sql';

export type SqlType =
  'bigint' | 'integer' | 'text' | 'date' | 'timestamptz' | 'boolean' | 'numeric' | 'uuid';

/** What a generated row holds; dates and timestamps are ISO strings. */
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export interface ColumnSpec {
  readonly name: string;
  readonly type: SqlType;
  readonly notNull?: boolean;
  readonly unique?: boolean;
  /** The column holds an identity compared in this canonical form: it gets an expression index. */
  readonly identity?: IdentityFormat;
  /** A foreign key inside the same schema (systems are independent: never across schemas). */
  readonly foreignKey?: { readonly table: string; readonly column: string };
  /** A reference the traversal follows (possibly across systems): index it for child lookups. */
  readonly indexed?: boolean;
}

export interface TableSpec {
  /** `system.collection`, the key ground truth and `rows` use. */
  readonly address: string;
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey: readonly string[];
}

const q = escapeIdentifier;

export function qualifiedName(spec: TableSpec): string {
  return `${q(spec.schema)}.${q(spec.table)}`;
}

export function createTableSql(spec: TableSpec): string {
  const columns = spec.columns.map((c) => {
    const constraints = [c.notNull ? ' NOT NULL' : '', c.unique ? ' UNIQUE' : ''].join('');
    return `  ${q(c.name)} ${c.type}${constraints}`;
  });
  const key = `  PRIMARY KEY (${spec.primaryKey.map(q).join(', ')})`;
  return `CREATE TABLE ${qualifiedName(spec)} (\n${[...columns, key].join(',\n')}\n)`;
}

/** Same-schema foreign keys, added after the load: one validation pass instead of a check
 * per inserted row. */
export function foreignKeySql(spec: TableSpec): string[] {
  return spec.columns.flatMap((c) =>
    c.foreignKey
      ? [
          `ALTER TABLE ${qualifiedName(spec)} ADD FOREIGN KEY (${q(c.name)}) ` +
            `REFERENCES ${q(spec.schema)}.${q(c.foreignKey.table)} (${q(c.foreignKey.column)})`,
        ]
      : [],
  );
}

/**
 * Secondary indexes: one expression index per identity column built from the connector's own
 * canonical expression (SPEC §5: a canonical lookup must stay an index lookup), and a plain
 * index per reference column (child lookups). Index names are left to PostgreSQL, which keeps
 * them under its 63-byte limit even for non-ASCII table names.
 */
export function createIndexSql(spec: TableSpec): string[] {
  const statements: string[] = [];
  for (const c of spec.columns) {
    const column = q(c.name);
    // The primary key's index serves lookups by its leading column; UNIQUE has its own index.
    const alreadyIndexed = c.name === spec.primaryKey[0] || c.unique === true;
    const expression = c.identity ? canonicalExpressionPg(c.identity, column) : column;
    if (c.identity && expression !== column) {
      statements.push(`CREATE INDEX ON ${qualifiedName(spec)} ((${expression}))`);
    }
    // The plain column: an exact identity, or a reference key matched as stored.
    const exactLookups =
      (c.identity !== undefined && expression === column) ||
      c.foreignKey !== undefined ||
      c.indexed === true;
    if (exactLookups && !alreadyIndexed) {
      statements.push(`CREATE INDEX ON ${qualifiedName(spec)} (${column})`);
    }
  }
  return statements;
}

/** `CREATE SCHEMA` + tables, then what is cheaper to build once the rows are in: indexes
 * and foreign keys (in spec order, so a key's target table is complete). */
export function worldDdl(specs: readonly TableSpec[]): { tables: string[]; afterLoad: string[] } {
  const schemas = [...new Set(specs.map((s) => s.schema))];
  return {
    tables: [...schemas.map((s) => `CREATE SCHEMA ${q(s)}`), ...specs.map(createTableSql)],
    afterLoad: [...specs.flatMap(createIndexSql), ...specs.flatMap(foreignKeySql)],
  };
}

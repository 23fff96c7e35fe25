/**
 * Columns and types of a MySQL/MariaDB source's tables, from `information_schema`
 * (the start-up check, issue #2 item 4). Besides the interface's description it keeps each
 * column's collation (is a string comparison exact?) and generation expression (does a
 * generated column hold a canonical form, with an index?).
 */
import type { MysqlColumn } from './mysql-lookup';
import { placeholders } from './mysql-lookup';
import { fieldTypeOfMysql } from './mysql-types';

type Run = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export async function describeMysqlTables(
  database: string,
  tables: readonly string[],
  run: Run,
): Promise<Map<string, MysqlColumn[]>> {
  const names = [...new Set(tables)];
  const described = new Map<string, MysqlColumn[]>(names.map((name) => [name, []]));
  if (names.length === 0) return described;
  // explicit aliases: MySQL 8 names information_schema columns in upper case whatever we write
  const rows = await run(
    `SELECT table_name AS table_name, column_name AS column_name, data_type AS data_type,
       column_type AS column_type, is_nullable AS is_nullable, collation_name AS collation_name,
       generation_expression AS generation_expression
     FROM information_schema.columns
     WHERE table_schema = ? AND table_name IN (${placeholders(names.length)})
     ORDER BY table_name, ordinal_position`,
    [database, ...names],
  );
  const json = rows.some((row) => String(row.data_type).toLowerCase() === 'longtext')
    ? await jsonColumns(database, run)
    : new Set<string>();
  for (const row of rows) {
    // information_schema compares names case-insensitively; the table must match exactly
    const columns = described.get(String(row.table_name));
    if (!columns) continue;
    const column = String(row.column_name);
    const isJson = json.has(`${String(row.table_name)}\u0000${column}`);
    columns.push({
      column,
      nativeType: isJson ? 'json' : String(row.column_type),
      type: fieldTypeOfMysql(String(row.data_type), String(row.column_type), isJson),
      nullable: row.is_nullable === 'YES',
      collation: row.collation_name === null ? null : String(row.collation_name),
      generation: row.generation_expression ? String(row.generation_expression) : null,
    });
  }
  return described;
}

/**
 * The column lists that identify a row of each table: the primary key and every unique
 * index, from `information_schema.statistics` (`non_unique = 0`). A prefix index on a column
 * still makes the whole column unique. MySQL 8's functional indexes have no column name
 * there and are left out.
 */
export async function describeMysqlUniqueKeys(
  database: string,
  tables: readonly string[],
  run: Run,
): Promise<Map<string, string[][]>> {
  const names = [...new Set(tables)];
  const keys = new Map<string, string[][]>(names.map((name) => [name, []]));
  if (names.length === 0) return keys;
  const rows = await run(
    `SELECT table_name AS table_name, index_name AS index_name, column_name AS column_name
     FROM information_schema.statistics
     WHERE table_schema = ? AND table_name IN (${placeholders(names.length)}) AND non_unique = 0
     ORDER BY table_name, index_name, seq_in_index`,
    [database, ...names],
  );
  const byIndex = new Map<string, { table: string; columns: (string | null)[] }>();
  for (const row of rows) {
    const table = String(row.table_name);
    const id = `${table}\u0000${String(row.index_name)}`;
    let index = byIndex.get(id);
    if (!index) byIndex.set(id, (index = { table, columns: [] }));
    index.columns.push(row.column_name === null ? null : String(row.column_name));
  }
  for (const { table, columns } of byIndex.values()) {
    if (columns.some((column) => column === null)) continue;
    keys.get(table)?.push(columns as string[]);
  }
  return keys;
}

const JSON_CHECK = /^json_valid\(`((?:[^`]|``)+)`\)$/i;

/**
 * MariaDB's JSON is LONGTEXT with a `json_valid(col)` check constraint; MySQL's is its own
 * type (`data_type = 'json'`) and MySQL's check_constraints has no table_name, so the
 * query selects `*` and only MariaDB's rows can name a column.
 */
async function jsonColumns(database: string, run: Run): Promise<Set<string>> {
  const rows = await run(
    'SELECT * FROM information_schema.check_constraints WHERE constraint_schema = ?',
    [database],
  );
  const columns = new Set<string>();
  for (const row of rows) {
    const table = row.TABLE_NAME ?? row.table_name;
    const match = JSON_CHECK.exec(String(row.CHECK_CLAUSE ?? row.check_clause ?? ''));
    if (typeof table === 'string' && match?.[1])
      columns.add(`${table}\u0000${match[1].replace(/``/g, '`')}`);
  }
  return columns;
}

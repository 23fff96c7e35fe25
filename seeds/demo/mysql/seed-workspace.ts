/**
 * Seeds the demo's workspace system into a MySQL/MariaDB database: the generator's own
 * workspace rows (`demoRowBatches`, the same rows the PostgreSQL seed writes), so the demo's
 * ground truth holds whichever kind serves the workspace.
 *
 *   node -r @swc-node/register seeds/demo/mysql/seed-workspace.ts mysql://root@127.0.0.1/demo [subjects]
 *
 * also writes the demo map with the workspace on MySQL to `.privgraph/mariadb-demo/` and
 * prints how to start the gateway with it.
 */
import path from 'node:path';
import type { Connection } from 'mysql2/promise';
import { createConnection } from 'mysql2/promise';
import { escapeId } from 'mysql2';
import type { Row, TableSpec } from '../../lib/table-spec';
import { DEFAULT_DEMO_SEED, demoRowBatches } from '../generate';
import { writeMariadbDemoMap } from './mariadb-demo-map';
import { WORKSPACE_TABLES, workspaceDdl, workspaceDropDdl } from './workspace-ddl';

export interface SeedWorkspaceOptions {
  readonly subjects: number;
  readonly seed?: number;
}

/** Rows per INSERT: one round trip for many rows, well under max_allowed_packet. */
const CHUNK_ROWS = 1000;

/** Drops and recreates the workspace tables in the URL's database, then loads them. */
export async function seedWorkspaceMysql(
  url: string,
  options: SeedWorkspaceOptions,
): Promise<Record<string, number>> {
  // timezone 'Z': the generator's timestamps are UTC, and DATETIME keeps no zone
  const connection = await createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4' });
  try {
    for (const statement of [...workspaceDropDdl(), ...workspaceDdl()])
      await connection.query(statement);
    const counts: Record<string, number> = {};
    const batches = demoRowBatches({
      subjects: options.subjects,
      seed: options.seed ?? DEFAULT_DEMO_SEED,
    });
    for (const batch of batches) {
      // table by table in load order: a row's foreign keys point to rows already in
      for (const spec of WORKSPACE_TABLES) {
        const rows = batch[spec.address] ?? [];
        for (let i = 0; i < rows.length; i += CHUNK_ROWS)
          await insertRows(connection, spec, rows.slice(i, i + CHUNK_ROWS));
        counts[spec.address] = (counts[spec.address] ?? 0) + rows.length;
      }
    }
    return counts;
  } finally {
    await connection.end();
  }
}

async function insertRows(connection: Connection, spec: TableSpec, rows: readonly Row[]) {
  if (rows.length === 0) return;
  const columns = spec.columns.map((c) => escapeId(c.name, true)).join(', ');
  const values = rows.map((row) =>
    spec.columns.map((c) => {
      const value = row[c.name] ?? null;
      return c.type === 'timestamptz' && typeof value === 'string' ? new Date(value) : value;
    }),
  );
  // `VALUES ?` with nested arrays: the driver escapes every value into one multi-row INSERT
  await connection.query(`INSERT INTO ${escapeId(spec.table, true)} (${columns}) VALUES ?`, [
    values,
  ]);
}

if (require.main === module) {
  const [url, subjects] = process.argv.slice(2);
  if (!url) {
    console.error('usage: seed-workspace.ts mysql://user@host:3306/database [subjects=200]');
    process.exit(2);
  }
  seedWorkspaceMysql(url, {
    subjects: Number(subjects ?? process.env.PRIVGRAPH_DEMO_SUBJECTS ?? 200),
  }).then(
    (counts) => {
      const map = writeMariadbDemoMap(path.resolve('.privgraph/mariadb-demo'));
      console.log(counts);
      console.log(
        `start with: PRIVGRAPH_DATAMAP=${path.relative(process.cwd(), map)} WORKSPACE_MYSQL_URL=${url} npm start`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

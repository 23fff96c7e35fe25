/**
 * Throwaway MySQL/MariaDB databases for the `mariadb` jest project (STYLE.md §10): the
 * server named by PRIVGRAPH_TEST_MYSQL_URL gets a fresh `privgraph_test_<random>` per test
 * file, dropped afterwards. Missing or unreachable is an error, never a skip: the project
 * runs only when asked to (`npm run test:mariadb`, CI).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mysql2/promise';
import { createConnection } from 'mysql2/promise';
import { escapeId } from 'mysql2';
import { writeMariadbDemoMap } from '../../seeds/demo/mysql/mariadb-demo-map';
import { assertTestDatabaseName, redactUrl } from './test-database';

export function requireMysqlTestUrl(): string {
  const url = process.env.PRIVGRAPH_TEST_MYSQL_URL;
  if (!url) {
    throw new Error(
      'the mariadb tests run against a real MySQL/MariaDB server: set PRIVGRAPH_TEST_MYSQL_URL, ' +
        'e.g. PRIVGRAPH_TEST_MYSQL_URL=mysql://root@127.0.0.1:3306/test npm run test:mariadb',
    );
  }
  return url;
}

/** Creates `privgraph_test_<random>` (utf8mb4, the server's default collation) on the
 * server `adminUrl` points at; its URL is `adminUrl` with that database. */
export async function createFreshMysqlDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `privgraph_test_${randomBytes(6).toString('hex')}`;
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  assertTestDatabaseName(url);
  await withMysqlAdmin(adminUrl, (admin) =>
    admin.query(`CREATE DATABASE ${escapeId(name)} CHARACTER SET utf8mb4`),
  );
  return {
    url,
    drop: () =>
      withMysqlAdmin(adminUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${escapeId(name)}`);
      }),
  };
}

export async function withMysqlAdmin<T>(
  url: string,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  let connection: Connection;
  try {
    connection = await createConnection({ uri: url, connectTimeout: 5000 });
  } catch (error) {
    throw new Error(
      `the mariadb tests need a MySQL/MariaDB server at ${redactUrl(url)} (PRIVGRAPH_TEST_MYSQL_URL): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** The demo map with its workspace on MariaDB (generated from the demo map, policy beside
 * it) in a temporary directory; `remove` deletes the directory. */
export function mariadbDemoMap(): { file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-mariadb-demo-'));
  return {
    file: writeMariadbDemoMap(dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

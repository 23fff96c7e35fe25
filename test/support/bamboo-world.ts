/**
 * The Bamboo Mart fixture world (test/fixtures/bamboo) in fresh throwaway databases: the shop
 * and support schemas in a new `privgraph_test_<random>` on the real PostgreSQL server
 * (PRIVGRAPH_TEST_PG_ADMIN_URL), the loyalty club in a new one on the MySQL/MariaDB server
 * (PRIVGRAPH_TEST_MYSQL_URL); the map and the policy copied into a temporary directory with
 * those databases' URLs written in, line for line, so a problem's `file:line` is the
 * fixture's line. Never a fixed database name: runs and files must not collide.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mysql2/promise';
import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';
import { ROOT } from './gateway-harness';
import { createFreshMysqlDatabase, requireMysqlTestUrl } from './mysql-test-database';
import { createFreshTestDatabase } from './test-database';

export const BAMBOO_DIR = path.join(ROOT, 'test/fixtures/bamboo');
export type BambooMap = 'datamap.yaml' | 'datamap-merge-variant.yaml';

export interface BambooWorld {
  readonly shopUrl: string;
  readonly loyaltyUrl: string;
  /** The map and the policy, with this world's URLs. */
  readonly mapFile: string;
  readonly policyFile: string;
  readonly dir: string;
  /** Writes another copy of the map, after `edit` (same lines), next to the first. */
  writeMap(name: string, edit: (text: string) => string): string;
  /** Rows of a statement on the shop's PostgreSQL database. */
  pg(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Rows of a statement on the loyalty MariaDB database. */
  my(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function requirePgAdminUrl(): string {
  const url = process.env.PRIVGRAPH_TEST_PG_ADMIN_URL;
  if (!url)
    throw new Error(
      'the Bamboo world needs a real PostgreSQL server beside MariaDB: set PRIVGRAPH_TEST_PG_ADMIN_URL, ' +
        'e.g. PRIVGRAPH_TEST_PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres',
    );
  return url;
}

/** The loyalty DDL without its own DROP/CREATE/USE DATABASE: it runs in the fresh database. */
function loyaltySql(): string {
  return readFileSync(path.join(BAMBOO_DIR, 'loyalty-mariadb.sql'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(DROP DATABASE|CREATE DATABASE|USE)\b/i.test(line))
    .join('\n');
}

export async function startBambooWorld(mapName: BambooMap = 'datamap.yaml'): Promise<BambooWorld> {
  const shop = await createFreshTestDatabase(requirePgAdminUrl());
  const loyalty = await createFreshMysqlDatabase(requireMysqlTestUrl());
  const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-bamboo-'));
  let pg: Client | undefined;
  let my: Connection | undefined;
  const close = async () => {
    await pg?.end().catch(() => undefined);
    await my?.end().catch(() => undefined);
    await shop.drop();
    await loyalty.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    pg = new Client({ connectionString: shop.url });
    await pg.connect();
    await pg.query('SET client_min_messages = warning');
    await pg.query(readFileSync(path.join(BAMBOO_DIR, 'shop-postgres.sql'), 'utf8'));
    my = await createConnection({ uri: loyalty.url, multipleStatements: true, dateStrings: true });
    await my.query(loyaltySql());
    const withUrls = (text: string) =>
      text
        .replace(/\$\{BAMBOO_SHOP_URL:-[^}]*\}/g, shop.url)
        .replace(/\$\{BAMBOO_LOYALTY_URL:-[^}]*\}/g, loyalty.url);
    const writeMap = (name: string, edit: (text: string) => string) => {
      const file = path.join(dir, name);
      writeFileSync(file, edit(withUrls(readFileSync(path.join(BAMBOO_DIR, mapName), 'utf8'))));
      return file;
    };
    const policyFile = path.join(dir, 'policy.yaml');
    writeFileSync(policyFile, readFileSync(path.join(BAMBOO_DIR, 'policy.yaml')));
    const pgClient = pg;
    const myConnection = my;
    return {
      shopUrl: shop.url,
      loyaltyUrl: loyalty.url,
      mapFile: writeMap('datamap.yaml', (text) => text),
      policyFile,
      dir,
      writeMap,
      pg: async (text, values) =>
        (await pgClient.query(text, values)).rows as Record<string, unknown>[],
      my: async (text, values) =>
        (await myConnection.query(text, values))[0] as Record<string, unknown>[],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Every row of every demo system, read with plain SQL (never through the gateway), keyed as
 * the generator's ground truth keys rows (`rowKeyOf` of the primary key): what erasure tests
 * compare before and after, byte for byte — each row as PostgreSQL's own text of it.
 */
import type { Client } from 'pg';
import { escapeIdentifier } from 'pg';
import type { RowKeyValues } from '../../src/core/requests/model';
import { rowKeyOf } from '../../src/core/traversal/row-key';
import { DEMO_TABLES } from '../../seeds/demo/tables';

/** `system.collection` → row key → the row as JSON text. */
export type WorldSnapshot = ReadonlyMap<string, ReadonlyMap<string, string>>;

export async function snapshotDemoTables(db: Client): Promise<WorldSnapshot> {
  const snapshot = new Map<string, Map<string, string>>();
  for (const table of DEMO_TABLES) {
    const from = `${escapeIdentifier(table.schema)}.${escapeIdentifier(table.table)}`;
    const key = table.primaryKey.map((c) => `${escapeIdentifier(c)}::text`).join(', ');
    const { rows } = await db.query<{ pk: string[]; row: string }>(
      `SELECT ARRAY[${key}] AS pk, row_to_json(t)::text AS row FROM ${from} t`,
    );
    snapshot.set(table.address, new Map(rows.map((r) => [rowKeyOf(r.pk), r.row])));
  }
  return snapshot;
}

/** The row key of a plan's key values, in the collection's primary-key order. */
export function planRowKey(collection: string, key: RowKeyValues): string {
  const table = DEMO_TABLES.find((t) => t.address === collection);
  if (!table) throw new Error(`no demo table ${collection}`);
  return rowKeyOf(table.primaryKey.map((column) => key[column]));
}

/** The rows of `snapshot` outside `except` (collection → row keys), for comparing what an
 * erasure must not touch. */
export function rowsOutside(
  snapshot: WorldSnapshot,
  except: ReadonlyMap<string, ReadonlySet<string>>,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [address, rows] of snapshot) {
    const skip = except.get(address);
    out[address] = Object.fromEntries([...rows].filter(([key]) => !skip?.has(key)));
  }
  return out;
}

/** The rows of one system's tables, as plain objects. */
export function systemRows(
  snapshot: WorldSnapshot,
  system: string,
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    DEMO_TABLES.filter((t) => t.schema === system).map((t) => [
      t.address,
      Object.fromEntries(snapshot.get(t.address) ?? []),
    ]),
  );
}

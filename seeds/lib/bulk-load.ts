/**
 * Loads generated rows with one `INSERT … SELECT * FROM unnest($1::t[], …)` per chunk: one
 * statement and one round trip per few thousand rows, every value bound as a parameter.
 * `COPY` would be faster on PostgreSQL proper but PGlite's socket server does not speak it,
 * and the embedded demo must seed through the very same code.
 */
import type { Client } from 'pg';
import { escapeIdentifier } from 'pg';
import type { Row, TableSpec } from './table-spec';
import { qualifiedName } from './table-spec';

export const DEFAULT_CHUNK_ROWS = 5000;

export function insertStatement(spec: TableSpec): string {
  const columns = spec.columns.map((c) => escapeIdentifier(c.name)).join(', ');
  const arrays = spec.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  return `INSERT INTO ${qualifiedName(spec)} (${columns}) SELECT * FROM unnest(${arrays})`;
}

/** One statement inserting `rows` (callers keep it to a few thousand rows). */
export async function insertChunk(
  client: Client,
  spec: TableSpec,
  rows: readonly Row[],
): Promise<void> {
  const values = spec.columns.map((c) => rows.map((row) => row[c.name] ?? null));
  await client.query({ text: insertStatement(spec), values });
}

/**
 * `privgraph policy lint --sample`: a few values of each field the map leaves uncategorised,
 * read from its SQL source, so lint can tell a forgotten category by what the column holds
 * (phones, e-mails, resident ids) and not only by its name. Only uncategorised fields are
 * read — data the policy already governs is never touched — and the values go to the lint
 * only, which reports counts and never prints them. An HTTP service has no "list some rows"
 * call, and a catalogue-only system no source: both are skipped, and the note says so.
 */
import { Client } from 'pg';
import type { CollectionDef, DataMap, SystemDef } from '../core/datamap/model';
import { formatFieldAddress } from '../core/datamap/model';
import type { FieldSamples } from '../core/review';
import { createMysqlPool } from '../sources/mysql/mysql-pool';

/** "A few values": enough to see a pattern, too few to be a copy of anything. */
export const SAMPLE_SIZE = 5;

export interface SampleResult {
  readonly samples: FieldSamples;
  /** One line per system not sampled, and why (no values). */
  readonly notes: readonly string[];
}

export type SampleReader = (map: DataMap) => Promise<SampleResult>;

const pgName = (name: string) => `"${name.replace(/"/g, '""')}"`;
const mysqlName = (name: string) => `\`${name.replace(/`/g, '``')}\``;

type Query = (sql: string) => Promise<unknown[]>;

function uncategorised(collection: CollectionDef) {
  return collection.fields.filter((field) => field.category === undefined);
}

async function sampleSystem(
  system: SystemDef,
  query: Query,
  statement: (collection: CollectionDef, column: string) => string,
  into: Map<string, readonly unknown[]>,
): Promise<void> {
  for (const collection of system.collections) {
    for (const field of uncategorised(collection)) {
      into.set(formatFieldAddress(field.address), await query(statement(collection, field.column)));
    }
  }
}

async function samplePostgres(
  system: SystemDef,
  url: string,
  schema: string,
  into: Map<string, readonly unknown[]>,
) {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    query_timeout: 15000,
  });
  await client.connect();
  // Read only, whatever the URL's user may do — in one read-only transaction, rolled back:
  // never a session setting, which on the embedded database (one backend session behind
  // every connection) would make everyone's connections read-only.
  await client.query('BEGIN READ ONLY');
  try {
    await sampleSystem(
      system,
      async (sql) => (await client.query<{ v: string }>(sql)).rows.map((r) => r.v),
      (c, column) =>
        `SELECT ${pgName(column)}::text AS v FROM ${pgName(schema)}.${pgName(c.table)} WHERE ${pgName(column)} IS NOT NULL LIMIT ${SAMPLE_SIZE}`,
      into,
    );
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function sampleMysql(system: SystemDef, url: string, into: Map<string, readonly unknown[]>) {
  const pool = createMysqlPool(url, { poolSize: 1 });
  try {
    await sampleSystem(
      system,
      async (sql) => {
        const [rows] = await pool.query(sql);
        return (rows as { v: unknown }[]).map((r) => r.v);
      },
      (c, column) =>
        `SELECT CAST(${mysqlName(column)} AS CHAR) AS v FROM ${mysqlName(c.table)} WHERE ${mysqlName(column)} IS NOT NULL LIMIT ${SAMPLE_SIZE}`,
      into,
    );
  } finally {
    await pool.end();
  }
}

/** Reads the samples from the map's SQL sources, one system at a time. */
export const readSourceSamples: SampleReader = async (map) => {
  const samples = new Map<string, readonly unknown[]>();
  const notes: string[] = [];
  for (const system of map.systems) {
    if (!system.collections.some((c) => uncategorised(c).length > 0)) continue;
    const source = system.source;
    try {
      if (!source) notes.push(`${system.key}: catalogue only, no source to sample`);
      else if (source.kind === 'http') notes.push(`${system.key}: an HTTP service, not sampled`);
      else if (source.kind === 'postgres')
        await samplePostgres(system, source.url, source.schema, samples);
      else await sampleMysql(system, source.url, samples);
    } catch (error) {
      // The driver's code or message names the system's connection, never a value.
      const reason = (error as { code?: string }).code ?? (error as Error).message;
      notes.push(`${system.key}: not sampled (${reason})`);
    }
  }
  return { samples, notes };
};

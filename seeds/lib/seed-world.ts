/**
 * Writes a generated world into PostgreSQL (or PGlite behind its socket server): drop and
 * recreate the world's schemas, stream the rows in, build indexes, ANALYZE. One `pg.Client`,
 * never a pool — PGlite serves one connection at a time and deadlocks if a transaction waits
 * on a second one (SPEC §8). All of it but ANALYZE is one transaction, so a world is
 * either fully seeded or not there at all.
 */
import { Client } from 'pg';
import { DEFAULT_CHUNK_ROWS, insertChunk } from './bulk-load';
import type { Row, TableSpec } from './table-spec';
import { qualifiedName } from './table-spec';

export interface WorldSeedPlan {
  readonly tables: readonly TableSpec[];
  readonly drop: readonly string[];
  readonly create: readonly string[];
  readonly afterLoad: readonly string[];
  readonly batches: Iterable<Record<string, Row[]>>;
  /** Written as a comment on each schema, for whoever finds the data later. */
  readonly label: string;
  readonly log?: (line: string) => void;
}

/** Chunks waiting for their turn at most, while the generator keeps producing rows. */
const MAX_WAITING_CHUNKS = 4;

/**
 * Streams batches into their tables in chunks of `DEFAULT_CHUNK_ROWS`, one statement in
 * flight at a time (the client's own rule). While the server works on one chunk the
 * generator makes the next batch; each finished statement sends the next waiting chunk. On
 * PGlite, which shares our thread, this only costs nothing. Memory holds at most one partial
 * chunk per table plus a few waiting ones.
 */
async function loadBatches(
  client: Client,
  tables: readonly TableSpec[],
  batches: Iterable<Record<string, Row[]>>,
): Promise<Map<string, number>> {
  const specs = new Map(tables.map((t) => [t.address, t]));
  const pending = new Map<string, Row[]>(tables.map((t) => [t.address, []]));
  const counts = new Map<string, number>();
  const waiting: Array<{ spec: TableSpec; rows: Row[] }> = [];
  let inFlight: Promise<void> = Promise.resolve();
  let busy = false;
  let failure: { error: unknown } | undefined;

  const pump = (): void => {
    const next = busy || failure ? undefined : waiting.shift();
    if (!next) return;
    busy = true;
    inFlight = insertChunk(client, next.spec, next.rows).then(
      () => {
        busy = false;
        pump();
      },
      (error: unknown) => {
        busy = false;
        failure = { error };
      },
    );
  };
  const enqueue = (spec: TableSpec, rows: Row[]): void => {
    waiting.push({ spec, rows });
    counts.set(spec.address, (counts.get(spec.address) ?? 0) + rows.length);
    pump();
  };
  const drain = async (limit: number): Promise<void> => {
    while (!failure && (waiting.length > limit || (limit === 0 && busy))) await inFlight;
    if (failure) throw failure.error;
  };

  for (const batch of batches) {
    for (const [address, rows] of Object.entries(batch)) {
      const spec = specs.get(address);
      const buffer = pending.get(address);
      if (!spec || !buffer) throw new Error(`rows for unknown table ${address}`);
      for (const row of rows) buffer.push(row);
      while (buffer.length >= DEFAULT_CHUNK_ROWS)
        enqueue(spec, buffer.splice(0, DEFAULT_CHUNK_ROWS));
    }
    await drain(MAX_WAITING_CHUNKS);
    // Let a finished statement hand the connection to the next chunk before generating more.
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const spec of tables) {
    const rest = pending.get(spec.address) ?? [];
    if (rest.length > 0) enqueue(spec, rest);
  }
  await drain(0);
  return counts;
}

export async function seedWorld(databaseUrl: string, plan: WorldSeedPlan): Promise<number> {
  const log = plan.log ?? (() => undefined);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of [...plan.drop, ...plan.create]) await client.query(statement);
    const counts = await loadBatches(client, plan.tables, plan.batches);
    log('building indexes and foreign keys');
    for (const statement of plan.afterLoad) await client.query(statement);
    for (const schema of new Set(plan.tables.map((t) => t.schema))) {
      await client.query(
        `COMMENT ON SCHEMA ${client.escapeIdentifier(schema)} IS ${client.escapeLiteral(plan.label)}`,
      );
    }
    await client.query('COMMIT');
    for (const spec of plan.tables) {
      await client.query(`ANALYZE ${qualifiedName(spec)}`);
      log(`${spec.address}: ${counts.get(spec.address) ?? 0} rows`);
    }
    return [...counts.values()].reduce((a, b) => a + b, 0);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** True when every table of the world exists (a seed commits all of them or none). */
export async function worldTablesExist(
  databaseUrl: string,
  tables: readonly TableSpec[],
): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const names = tables.map((t) => qualifiedName(t));
    const result = await client.query<{ missing: string }>(
      'SELECT count(*)::int AS missing FROM unnest($1::text[]) AS t(name) WHERE to_regclass(t.name) IS NULL',
      [names],
    );
    return Number(result.rows[0]?.missing ?? 1) === 0;
  } finally {
    await client.end();
  }
}

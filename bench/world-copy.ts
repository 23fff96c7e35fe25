/**
 * A throwaway copy of the benchmark's world, for work that destroys it (erasure): `CREATE
 * DATABASE … TEMPLATE`, a file-level copy of the demo schemas and the store (about 2 s for
 * the 430 MB of 100k people), dropped when the work is done, whatever happened. PostgreSQL
 * copies a template only while nobody is connected to it, so every pool on the world must be
 * closed first; backends of clients that just left may still be exiting, hence the retries.
 */
import { Client } from 'pg';
import { withDatabase } from './bench-database';

const COPY_ATTEMPTS = 20;
const COPY_RETRY_MS = 500;

function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function onServer(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function createCopy(worldUrl: string, copy: string): Promise<void> {
  const template = databaseNameOf(worldUrl);
  await onServer(worldUrl, `DROP DATABASE IF EXISTS ${quoted(copy)} WITH (FORCE)`);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await onServer(worldUrl, `CREATE DATABASE ${quoted(copy)} TEMPLATE ${quoted(template)}`);
      return;
    } catch (error) {
      const busy = /being accessed by other users/.test((error as Error).message);
      if (!busy || attempt === COPY_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, COPY_RETRY_MS));
    }
  }
}

/** Runs `work` on a fresh copy of the world at `worldUrl`, named `<world>_erase`. */
export async function withWorldCopy<T>(
  worldUrl: string,
  work: (copyUrl: string) => Promise<T>,
): Promise<T> {
  const copy = `${databaseNameOf(worldUrl)}_erase`;
  await createCopy(worldUrl, copy);
  try {
    return await work(withDatabase(worldUrl, copy));
  } finally {
    await onServer(worldUrl, `DROP DATABASE IF EXISTS ${quoted(copy)} WITH (FORCE)`);
  }
}

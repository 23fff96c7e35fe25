/**
 * How the floor reads one lookup: a statement on the system's pool, or — for a demo system
 * that is an HTTP service — a call to its lookup endpoint, following pages, as the demo map
 * declares it and the gateway's HTTP connector calls it.
 */
import type { Pool } from 'pg';
import type { FloorLookup, FloorSystem } from './floor-sql';

type Row = Record<string, unknown>;

/** Where the floor reads: a pool per system, and the demo's HTTP services, if any. */
export interface FloorSources {
  readonly pools: ReadonlyMap<FloorSystem, Pool>;
  readonly services: ReadonlyMap<FloorSystem, { url: string; authorization?: string }>;
}

/** One lookup, by SQL or — for a system that is an HTTP service — by its lookup endpoint,
 * following pages; a failed call fails the request, as a failed statement does. */
export async function readLookup(
  sources: FloorSources,
  lookup: FloorLookup,
  values: string[],
  cutoff: string,
): Promise<Row[]> {
  const service = sources.services.get(lookup.system);
  if (!service || !lookup.http) {
    const pool = sources.pools.get(lookup.system) as Pool;
    return (await pool.query(lookup.text, lookup.bornAfter ? [values, cutoff] : [values]))
      .rows as Row[];
  }
  const url = `${service.url}${lookup.http.path}?${lookup.http.param}=${values.map(encodeURIComponent).join(',')}`;
  const headers = service.authorization ? { authorization: service.authorization } : undefined;
  const rows: Row[] = [];
  for (let cursor: string | null = null; ;) {
    const page = cursor === null ? url : `${url}&cursor=${encodeURIComponent(cursor)}`;
    const response = await fetch(page, headers ? { headers } : {});
    if (!response.ok) throw new Error(`${lookup.system}: HTTP ${response.status}`);
    const body = (await response.json()) as { items: Row[]; next?: string | number | null };
    rows.push(...body.items);
    if (body.next === undefined || body.next === null || body.next === '') return rows;
    cursor = String(body.next);
  }
}

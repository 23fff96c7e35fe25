/** Readiness of the gateway store: reachable, and migrated (its tables answer). */
import type { DataSource } from 'typeorm';
import { STORE_SCHEMA } from './store-schema';

export interface StoreHealth {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

/** Never throws: a readiness probe reports, it does not fail. */
export async function pingStore(ds: DataSource): Promise<StoreHealth> {
  const startedAt = performance.now();
  const latencyMs = (): number => Math.round((performance.now() - startedAt) * 10) / 10;
  try {
    if (!ds.isInitialized) return { ok: false, latencyMs: 0, error: 'store is not open' };
    await ds.query(`SELECT 1 FROM "${STORE_SCHEMA}".data_map_snapshots LIMIT 0`);
    return { ok: true, latencyMs: latencyMs() };
  } catch (error) {
    return { ok: false, latencyMs: latencyMs(), error: describeError(error) };
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${error.message}` : error.message;
}

/**
 * A person's consent history (SPEC §6 "history is kept"): the events recorded against any of
 * their subject keys, oldest first. One withdrawal is one event per identity of the person
 * (`recordConsentForKeys`), so events that differ only in the key are one line here, with
 * how many keys they were recorded for.
 */
import type { DataSource } from 'typeorm';
import { STORE_SCHEMA } from './store-schema';

export interface ConsentHistoryEvent {
  readonly purpose: string;
  readonly action: 'grant' | 'withdraw';
  readonly guardian: boolean;
  readonly recordedBy: string;
  readonly recordedAt: Date;
  readonly requestId: string | null;
  /** How many of the given subject keys it was recorded for. */
  readonly keys: number;
}

export async function listConsentEvents(
  ds: DataSource,
  subjectKeys: readonly string[],
): Promise<ConsentHistoryEvent[]> {
  if (subjectKeys.length === 0) return [];
  const rows: {
    purpose: string;
    action: 'grant' | 'withdraw';
    guardian: boolean;
    recorded_by: string;
    recorded_at: Date;
    request_id: string | null;
    keys: number;
  }[] = await ds.query(
    `SELECT purpose, action, guardian, recorded_by, recorded_at, request_id, count(*)::int AS keys
       FROM ${STORE_SCHEMA}.consent_events
      WHERE subject_key = ANY($1::text[])
      GROUP BY purpose, action, guardian, recorded_by, recorded_at, request_id
      ORDER BY min(seq)`,
    [[...new Set(subjectKeys)]],
  );
  return rows.map((r) => ({
    purpose: r.purpose,
    action: r.action,
    guardian: r.guardian,
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at),
    requestId: r.request_id,
    keys: r.keys,
  }));
}

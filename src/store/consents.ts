/**
 * Consent in the gateway store: append events, read the current state of many subjects in
 * one statement (per-subject facts are loaded in batches per request, SPEC §4.6).
 */
import type { DataSource } from 'typeorm';
import { STORE_SCHEMA } from './store-schema';

export interface ConsentEventInput {
  readonly subjectKey: string;
  readonly purpose: string;
  readonly action: 'grant' | 'withdraw';
  readonly guardian?: boolean;
  readonly recordedBy: string;
  readonly recordedAt?: Date;
  /** The rights request (withdrawal, grant, closure) that recorded it. */
  readonly requestId?: string;
}

/** Current consent of one subject: purposes with an active grant (the latest event wins). */
export interface ConsentState {
  readonly granted: ReadonlySet<string>;
  /** Purposes (or `*`) a guardian consented to for a minor. */
  readonly guardian: ReadonlySet<string>;
}

export async function recordConsentEvents(
  ds: DataSource,
  events: readonly ConsentEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await ds.query(
    `INSERT INTO ${STORE_SCHEMA}.consent_events (subject_key, purpose, action, guardian, recorded_by, recorded_at, request_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::timestamptz[], $7::uuid[])`,
    [
      events.map((e) => e.subjectKey),
      events.map((e) => e.purpose),
      events.map((e) => e.action),
      events.map((e) => e.guardian ?? false),
      events.map((e) => e.recordedBy),
      events.map((e) => (e.recordedAt ?? new Date()).toISOString()),
      events.map((e) => e.requestId ?? null),
    ],
  );
}

/**
 * The consent state of each group of subject keys (one group = one person, known by several
 * identities): over all the group's keys, the latest event per (purpose, guardian) wins.
 */
export async function loadConsentStates(
  ds: DataSource,
  groups: readonly (readonly string[])[],
): Promise<ConsentState[]> {
  const keys = [...new Set(groups.flat())];
  const rows: { subject_key: string; purpose: string; action: string; guardian: boolean }[] =
    keys.length === 0
      ? []
      : await ds.query(
          `SELECT subject_key, purpose, action, guardian FROM ${STORE_SCHEMA}.consent_events
           WHERE subject_key = ANY($1::text[]) ORDER BY seq`,
          [keys],
        );
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) byKey.set(row.subject_key, [...(byKey.get(row.subject_key) ?? []), row]);
  return groups.map((group) => {
    const events = new Set(group.flatMap((key) => byKey.get(key) ?? []));
    // rows are in seq order per key; merging keys needs the global order back
    const ordered = rows.filter((row) => events.has(row));
    const latest = new Map<string, string>();
    for (const event of ordered)
      latest.set(`${event.guardian}\u0000${event.purpose}`, event.action);
    const granted = new Set<string>();
    const guardian = new Set<string>();
    for (const [key, action] of latest) {
      if (action !== 'grant') continue;
      const [isGuardian, purpose] = key.split('\u0000') as [string, string];
      (isGuardian === 'true' ? guardian : granted).add(purpose);
    }
    return { granted, guardian };
  });
}

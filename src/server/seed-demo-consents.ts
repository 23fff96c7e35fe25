/**
 * The demo's consent history in the gateway store (the system of record for consent,
 * SPEC §4.3): imported once from the demo world's own `compliance.consent_records`, keyed
 * by the subjects' user ids; and a guardian's consent (to all processing, `*`) recorded for
 * the minors whose user id is even — so the demo has minors with and without it.
 */
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { subjectKey } from '../core/identity/subject-key';
import type { ConsentEventInput } from '../store';
import { recordConsentEvents } from '../store';

export const DEMO_CONSENT_RECORDER = 'demo-seed';
const MINOR_AGE = 14;

export async function seedDemoConsents(
  store: DataSource,
  demoUrl: string,
  hashKey: Buffer,
  asOf = new Date(),
): Promise<number> {
  const [{ count }] = (await store.query(
    `SELECT count(*)::int AS count FROM privgraph.consent_events WHERE recorded_by = $1`,
    [DEMO_CONSENT_RECORDER],
  )) as [{ count: number }];
  if (count > 0) return 0;
  const client = new Client({ connectionString: demoUrl });
  await client.connect();
  try {
    const consents = await client.query<{
      user_id: string;
      purpose: string;
      granted: boolean;
      recorded_at: Date;
    }>(
      'SELECT user_id::text, purpose, granted, recorded_at FROM compliance.consent_records ORDER BY recorded_at, id',
    );
    const adulthood = new Date(
      Date.UTC(asOf.getUTCFullYear() - MINOR_AGE, asOf.getUTCMonth(), asOf.getUTCDate()),
    );
    const minors = await client.query<{ id: string }>(
      'SELECT id::text FROM accounts.users WHERE date_of_birth > $1::date AND id % 2 = 0 ORDER BY id',
      [adulthood.toISOString().slice(0, 10)],
    );
    const events: ConsentEventInput[] = [
      ...consents.rows.map((row) => ({
        subjectKey: subjectKey(hashKey, 'user_id', row.user_id),
        purpose: row.purpose,
        action: row.granted ? ('grant' as const) : ('withdraw' as const),
        recordedBy: DEMO_CONSENT_RECORDER,
        recordedAt: row.recorded_at,
      })),
      ...minors.rows.map((row) => ({
        subjectKey: subjectKey(hashKey, 'user_id', row.id),
        purpose: '*',
        action: 'grant' as const,
        guardian: true,
        recordedBy: DEMO_CONSENT_RECORDER,
      })),
    ];
    await recordConsentEvents(store, events);
    return events.length;
  } finally {
    await client.end();
  }
}

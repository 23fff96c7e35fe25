/**
 * Legal holds in the gateway store (SPEC §2, §6): placed and released by the DPO, never
 * deleted. Read for a person (holds on any of their subject keys) plus every collection-wide
 * hold, active at a given instant.
 */
import type { DataSource } from 'typeorm';
import type { ExemptionReason, LegalHold } from '../core/requests/model';
import { STORE_SCHEMA } from './store-schema';

export interface LegalHoldRecord extends LegalHold {
  readonly placedBy: string;
  readonly placedAt: Date;
  readonly releasedBy: string | null;
  readonly releasedAt: Date | null;
  readonly releaseNote: string | null;
}

export interface NewLegalHold {
  readonly reason: ExemptionReason;
  readonly note?: string;
  readonly subjectKeys?: readonly string[];
  readonly collection?: string;
  readonly retainDays?: number;
  readonly dateField?: string;
  readonly expiresAt?: Date;
  readonly placedBy: string;
}

const T = `${STORE_SCHEMA}.legal_holds`;

export async function placeLegalHold(ds: DataSource, hold: NewLegalHold): Promise<LegalHoldRecord> {
  const rows: RawHold[] = await ds.query(
    `INSERT INTO ${T} (reason, note, subject_keys, collection, retain_days, date_field, expires_at, placed_by)
     VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8) RETURNING *`,
    [
      hold.reason,
      hold.note ?? null,
      hold.subjectKeys ? [...hold.subjectKeys] : null,
      hold.collection ?? null,
      hold.retainDays ?? null,
      hold.dateField ?? null,
      hold.expiresAt ? hold.expiresAt.toISOString() : null,
      hold.placedBy,
    ],
  );
  return toHold(rows[0] as RawHold);
}

/** Releases a hold still in force; null when there is no such hold or it was released. */
export async function releaseLegalHold(
  ds: DataSource,
  id: string,
  releasedBy: string,
  note: string | undefined,
): Promise<LegalHoldRecord | null> {
  const [rows]: [RawHold[], number] = await ds.query(
    `UPDATE ${T} SET released_by = $2, released_at = now(), release_note = $3
      WHERE id = $1 AND released_at IS NULL RETURNING *`,
    [id, releasedBy, note ?? null],
  );
  return rows[0] ? toHold(rows[0]) : null;
}

/** Holds in force at `at` that can protect this person's rows: theirs and collection-wide. */
export async function activeLegalHolds(
  ds: DataSource,
  subjectKeys: readonly string[],
  at: Date,
): Promise<LegalHoldRecord[]> {
  const rows: RawHold[] = await ds.query(
    `SELECT * FROM ${T}
      WHERE released_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
        AND (subject_keys IS NULL OR subject_keys && $1::text[])
      ORDER BY placed_at, id`,
    [[...subjectKeys], at.toISOString()],
  );
  return rows.map(toHold);
}

/** Every hold on this person (released ones included), or every hold when no keys given. */
export async function listLegalHolds(
  ds: DataSource,
  subjectKeys?: readonly string[],
): Promise<LegalHoldRecord[]> {
  const rows: RawHold[] = subjectKeys
    ? await ds.query(`SELECT * FROM ${T} WHERE subject_keys && $1::text[] ORDER BY placed_at, id`, [
        [...subjectKeys],
      ])
    : await ds.query(`SELECT * FROM ${T} ORDER BY placed_at, id`);
  return rows.map(toHold);
}

interface RawHold {
  id: string;
  reason: ExemptionReason;
  note: string | null;
  subject_keys: string[] | null;
  collection: string | null;
  retain_days: number | null;
  date_field: string | null;
  expires_at: Date | null;
  placed_by: string;
  placed_at: Date;
  released_by: string | null;
  released_at: Date | null;
  release_note: string | null;
}

function toHold(r: RawHold): LegalHoldRecord {
  return {
    id: r.id,
    reason: r.reason,
    ...(r.note === null ? {} : { note: r.note }),
    ...(r.subject_keys === null ? {} : { subjectKeys: r.subject_keys }),
    ...(r.collection === null ? {} : { collection: r.collection }),
    ...(r.retain_days === null ? {} : { retainDays: r.retain_days }),
    ...(r.date_field === null ? {} : { dateField: r.date_field }),
    ...(r.expires_at === null ? {} : { expiresAt: new Date(r.expires_at).toISOString() }),
    placedBy: r.placed_by,
    placedAt: new Date(r.placed_at),
    releasedBy: r.released_by,
    releasedAt: r.released_at ? new Date(r.released_at) : null,
    releaseNote: r.release_note,
  };
}

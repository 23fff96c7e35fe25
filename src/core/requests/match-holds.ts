/**
 * Which legal hold keeps a row from being erased (SPEC §6: "legal holds and exemptions are
 * checked first; exempt data is kept and listed in the result with its reason"; the seed
 * policy §VIII.4 a–h; PIPL art. 47 para. 2: data a law requires to be retained is kept, and
 * only stored and protected, until its period ends).
 *
 * A hold protects a row when it is still in force (`expiresAt` after `now`), names the person
 * (one of their subject keys; a hold without subject keys names everyone, an empty list no
 * one), covers the row's collection (a hold without a collection covers every collection),
 * and — with `retainDays` + `dateField` — the row's date plus the period is after `now`
 * ("tax records kept 5 years" protects only rows still inside it). A collection without
 * `dateField` is not covered by a retention hold; a row whose date is missing or unreadable
 * is protected (nothing proves its period is over).
 */
import type { CollectionDef } from '../datamap/model';
import { formatCollectionAddress } from '../datamap/model';
import type { SourceRow } from '../traversal/source-row';
import type { LegalHold } from './model';

const DAY_MS = 86_400_000;

export interface HoldProtection {
  readonly hold: LegalHold;
  /** When the protection ends (ISO instant); absent: not before the hold is released. */
  readonly until?: string;
}

/** The protecting hold that lasts longest (an open-ended one first; ties by hold id). */
export function holdProtecting(
  holds: readonly LegalHold[],
  subjectKeys: ReadonlySet<string>,
  collection: CollectionDef,
  row: SourceRow,
  now: Date,
): HoldProtection | undefined {
  let best: { hold: LegalHold; end: number } | undefined;
  for (const hold of holds) {
    const end = protectionEnd(hold, subjectKeys, collection, row, now);
    if (end === undefined) continue;
    if (!best || end > best.end || (end === best.end && hold.id < best.hold.id))
      best = { hold, end };
  }
  if (!best) return undefined;
  return Number.isFinite(best.end)
    ? { hold: best.hold, until: new Date(best.end).toISOString() }
    : { hold: best.hold };
}

/** Epoch ms the hold protects the row until (Infinity: open-ended), or undefined if it
 * does not protect it now. */
function protectionEnd(
  hold: LegalHold,
  subjectKeys: ReadonlySet<string>,
  collection: CollectionDef,
  row: SourceRow,
  now: Date,
): number | undefined {
  if (hold.subjectKeys && !hold.subjectKeys.some((key) => subjectKeys.has(key))) return undefined;
  if (
    hold.collection !== undefined &&
    hold.collection !== formatCollectionAddress(collection.address)
  )
    return undefined;
  let end = Infinity;
  if (hold.expiresAt !== undefined) {
    // an unreadable expiry never ends a hold early
    const expires = Date.parse(hold.expiresAt);
    if (expires <= now.getTime()) return undefined;
    if (!Number.isNaN(expires)) end = expires;
  }
  if (hold.retainDays !== undefined && hold.dateField !== undefined) {
    if (!collection.fields.some((field) => field.key === hold.dateField)) return undefined;
    const date = instantOf(row[hold.dateField]);
    if (date === undefined) return end;
    const retained = date + hold.retainDays * DAY_MS;
    if (retained <= now.getTime()) return undefined;
    end = Math.min(end, retained);
  }
  return end;
}

/** Epoch ms of a date value as sources return it (Date, ISO text, epoch ms). */
function instantOf(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

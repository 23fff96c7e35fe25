/**
 * Subject-rights requests (SPEC §6, the seed policy §VIII; PIPL art. 44–47, 50): the values
 * the planner, the executor, the store and the control plane share.
 *
 * Glossary
 * - request: one person's access, erasure, correction, consent or account-closure request,
 *   with a lifecycle, a due date (15 working days) and per-source tasks.
 * - task: the work of one request in one source (one transaction per source, SPEC §6).
 * - step: one idempotent effect inside a task — delete rows by primary key, or rewrite
 *   fields of one row to values fixed when the plan was made.
 * - own row: a row the traversal found *about* the person (`subject` role). A related row
 *   (`terminal` role: a shared device, an organisation) is theirs only while nobody else
 *   is linked to it.
 * - shared row: a row that also belongs to someone else; kept until its last owner is erased.
 * - exemption: a reason the policy (§VIII.4 a–h) allows for not erasing, recorded as a legal
 *   hold on the person and/or a collection.
 */
import type { FieldErasure } from '../datamap/model';

export type RequestKind =
  'access' | 'erasure' | 'correction' | 'consent_withdrawal' | 'consent_grant' | 'account_closure';

/**
 * received → (erasure, closure: awaiting_approval → approved | rejected) → in_progress →
 * completed | partial (a source failed; `retryRequest` resumes) | failed (nothing can be done
 * without a human: the plan could not be made).
 */
export type RequestStatus =
  | 'received'
  | 'awaiting_approval'
  | 'approved'
  | 'rejected'
  | 'in_progress'
  | 'partial'
  | 'completed'
  | 'failed';

export type TaskStatus = 'pending' | 'running' | 'done' | 'failed';

/** The exemptions of the seed policy §VIII.4 (a–h), the only reasons a request may be
 * refused in part; each hold and each exempt item cites one. */
export const EXEMPTION_REASONS = [
  'legal_obligation',
  'national_security',
  'public_interest',
  'criminal_investigation',
  'abuse_of_rights',
  'protection_of_life_or_property',
  'harm_to_others',
  'commercial_secret',
] as const;

export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

/** A legal hold (SPEC §2): on one person (by subject keys), on one collection, or on a
 * collection for one person. With `retainDays` + `dateField` it protects only rows whose
 * date is still inside the period (tax records kept 5 years). */
export interface LegalHold {
  readonly id: string;
  readonly reason: ExemptionReason;
  readonly note?: string;
  /** Keyed hashes of the person's canonical identities (src/core/identity/subject-key). */
  readonly subjectKeys?: readonly string[];
  /** `system.collection`; absent: every collection. */
  readonly collection?: string;
  readonly retainDays?: number;
  /** Field key of the row's date the retention period runs from. */
  readonly dateField?: string;
  /** The hold stops protecting anything after this instant. */
  readonly expiresAt?: string;
}

/** Primary-key values of one row by field key, as the source returned them (JSON-safe). */
export type RowKeyValues = Readonly<Record<string, string | number | boolean | null>>;

export interface DeleteStep {
  readonly kind: 'delete';
  readonly collection: string;
  readonly keys: readonly RowKeyValues[];
}

/** How a rewritten field got its value: an erasure strategy of the map, or a correction
 * (SPEC §6 "Correction: updates one category's value in every place that holds it"). */
export type RewriteStrategy = FieldErasure | 'correct';

export interface RewriteStep {
  readonly kind: 'rewrite';
  readonly collection: string;
  readonly key: RowKeyValues;
  /** Field key → the value it is set to, computed once when the plan is made (a random
   * value is recorded here, so a rerun writes the same value and changes nothing). */
  readonly set: Readonly<Record<string, string | null>>;
  /** Field key → the strategy that produced the value (for the reply and the report). */
  readonly strategies: Readonly<Record<string, RewriteStrategy>>;
}

export type ErasureStep = DeleteStep | RewriteStep;

/** The steps of one source, in the order they must run: referencing rows before the rows
 * they reference, self-references included. */
export interface SourcePlan {
  readonly system: string;
  readonly steps: readonly ErasureStep[];
}

export interface ExemptRow {
  readonly collection: string;
  readonly key: RowKeyValues;
  readonly reason: ExemptionReason;
  readonly holdId: string;
  /** When the protection ends, if it does (hold expiry or end of the retention period). */
  readonly until?: string;
}

export interface SharedRow {
  readonly collection: string;
  readonly key: RowKeyValues;
  /** Why the row is someone else's too: `collection.field` of the link to another owner. */
  readonly via: string;
  /** A related row that is another person's own record (a parent's card a child's card
   * points to, a referrer's account): found through the person's rows, never theirs, so never
   * erased by their request — unlike a row they share (a device two people use), removed
   * with its last owner. */
  readonly related?: true;
}

/** A row its collection would delete that rows outside the person's graph still point at
 * (another member's `parent_code`): rewritten instead — its personal fields erased, its key
 * kept — so the other rows are neither broken nor modified (`find-referencing-rows.ts`). */
export interface ReferencedRow {
  readonly collection: string;
  readonly key: RowKeyValues;
  /** `collection.field` of the reference from a row outside the plan. */
  readonly via: string;
}

/** A row of a `rewrite` collection that already holds the values its erasure would write:
 * no step, but verification checks it still does (`values` are those targets). */
export interface UnchangedRow {
  readonly collection: string;
  readonly key: RowKeyValues;
  readonly values: Readonly<Record<string, string | null>>;
}

export interface ErasurePlan {
  readonly sources: readonly SourcePlan[];
  readonly exempt: readonly ExemptRow[];
  readonly shared: readonly SharedRow[];
  readonly unchanged: readonly UnchangedRow[];
  /** Rows rewritten instead of deleted because rows outside the plan reference them (their
   * steps are among the rewrites). Absent from plans sealed before it existed. */
  readonly referenced?: readonly ReferencedRow[];
  /** Problems that make a step impossible (a NOT NULL column set to null…): the plan is
   * refused until the map says how to erase that field. */
  readonly problems: readonly string[];
  /** Facts the DPO should read but that block nothing (a reference cycle broken, a row kept
   * because a kept row still references it). */
  readonly notes: readonly string[];
}

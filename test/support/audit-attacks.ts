/**
 * The attacks of the audit tamper tests (issue #6 Acceptance: "editing, deleting, inserting,
 * swapping and truncating events in the table are each detected and located by verify"), as
 * a table: the SQL an attacker who can write the table — but holds neither the chain nor the
 * checkpoint key — runs, and the first broken position `verifyAuditLog` must report, with
 * what it finds wrong there. Statements are built lazily, from the log as it was written.
 */
import type { AuditEventContent } from '../../src/core/audit/audit-event';
import type { StoredChainRow, tamperWithAuditTable } from './audit-log-fixture';
import { sampleAuditEvent } from './audit-log-fixture';

/** The log the attacks work on: its events by position, and how many there are. */
export interface WrittenLog {
  at(position: number): StoredChainRow;
  readonly total: number;
}

/** Moves the events from `from` on by `by` positions (through negative positions: the
 * primary key is checked row by row). */
export const shiftAuditEvents = (from: number, by: number): string[] => [
  `UPDATE privgraph.audit_events SET position = -position WHERE position >= ${from}`,
  `UPDATE privgraph.audit_events SET position = -position + (${by}) WHERE position < 0`,
];

/** Puts a row in the table with every column (the denormalised ones from `content`). */
export function insertAuditRow(row: Omit<StoredChainRow, 'detail'>): {
  text: string;
  values: unknown[];
} {
  const content = JSON.parse(row.content) as AuditEventContent;
  return {
    text: `INSERT INTO privgraph.audit_events
             (position, at, kind, actor, role, purpose, subject_keys, request_id, content, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    values: [
      row.position,
      content.at,
      content.kind,
      content.actor,
      content.role ?? null,
      content.purpose ?? null,
      content.subjectKeys,
      content.requestId ?? null,
      row.content,
      row.prevHash,
      row.hash,
    ],
  };
}

const forgedContent = JSON.stringify(sampleAuditEvent('forger', 0, 0, 0));
const FAKE_HASH = 'f'.repeat(64);

export interface AuditAttack {
  readonly name: string;
  readonly statements: () => Parameters<typeof tamperWithAuditTable>[1];
  /** `on`: the append-only trigger does not stop this one; it runs with the trigger on. */
  readonly trigger?: 'on';
  /** The first broken position, and what verify says is wrong there. */
  readonly broken: () => { position: number; problem: string };
}

/** A middle event (the first page's). */
export const K = 7;

export function auditAttacks({ at, total: TOTAL }: WrittenLog): AuditAttack[] {
  return [
    {
      name: 'an event’s content edited (its purpose changed)',
      statements: () => [
        {
          text: 'UPDATE privgraph.audit_events SET content = $2 WHERE position = $1',
          values: [K, at(K).content.replace('"customer_service"', '"marketing"')],
        },
      ],
      broken: () => ({ position: K, problem: 'edited' }),
    },
    {
      name: 'an event’s content edited, on the second page of verification',
      statements: () => [
        {
          text: 'UPDATE privgraph.audit_events SET content = $2 WHERE position = $1',
          values: [1001, at(1001).content.replace(/"actor":"[^"]+"/, '"actor":"app:nobody"')],
        },
      ],
      broken: () => ({ position: 1001, problem: 'edited' }),
    },
    {
      name: 'an event deleted',
      statements: () => [`DELETE FROM privgraph.audit_events WHERE position = ${K}`],
      broken: () => ({ position: K, problem: 'missing' }),
    },
    {
      name: 'the last event of the first page deleted',
      statements: () => ['DELETE FROM privgraph.audit_events WHERE position = 1000'],
      broken: () => ({ position: 1000, problem: 'missing' }),
    },
    {
      name: 'an event deleted and the later ones renumbered to close the gap',
      statements: () => [
        `DELETE FROM privgraph.audit_events WHERE position = ${K}`,
        ...shiftAuditEvents(K + 1, -1),
      ],
      broken: () => ({ position: K, problem: 'inserted-or-reordered' }),
    },
    {
      // Without the key a forgery cannot carry a valid MAC: to a verifier it is an event whose
      // content does not match its link, the same as an edit.
      name: 'a forged event inserted (linked to its predecessor, the later ones renumbered)',
      statements: () => [
        ...shiftAuditEvents(K, 1),
        insertAuditRow({
          position: K,
          content: forgedContent,
          prevHash: at(K - 1).hash,
          hash: FAKE_HASH,
        }),
      ],
      broken: () => ({ position: K, problem: 'edited' }),
    },
    {
      name: 'a genuine event replayed as a new one (the later ones renumbered)',
      statements: () => [...shiftAuditEvents(K, 1), insertAuditRow({ ...at(3), position: K })],
      broken: () => ({ position: K, problem: 'inserted-or-reordered' }),
    },
    {
      name: 'a forged event appended after the head',
      trigger: 'on',
      statements: () => [
        insertAuditRow({
          position: TOTAL + 1,
          content: forgedContent,
          prevHash: at(TOTAL).hash,
          hash: FAKE_HASH,
        }),
      ],
      broken: () => ({ position: TOTAL + 1, problem: 'edited' }),
    },
    {
      // the audit queries would return it; a verifier reading from position 1 would not see it
      name: 'a forged event at position 0, before the first',
      trigger: 'on',
      statements: () => [
        insertAuditRow({
          position: 0,
          content: forgedContent,
          prevHash: FAKE_HASH,
          hash: FAKE_HASH,
        }),
      ],
      broken: () => ({ position: 0, problem: 'inserted-or-reordered' }),
    },
    {
      name: 'a forged event at a negative position',
      trigger: 'on',
      statements: () => [
        insertAuditRow({
          position: -5,
          content: forgedContent,
          prevHash: FAKE_HASH,
          hash: FAKE_HASH,
        }),
      ],
      broken: () => ({ position: -5, problem: 'inserted-or-reordered' }),
    },
    {
      name: 'two events swapped',
      statements: () => [
        `UPDATE privgraph.audit_events SET position = -1 WHERE position = ${K}`,
        `UPDATE privgraph.audit_events SET position = ${K} WHERE position = ${K + 5}`,
        `UPDATE privgraph.audit_events SET position = ${K + 5} WHERE position = -1`,
      ],
      broken: () => ({ position: K, problem: 'inserted-or-reordered' }),
    },
    {
      name: 'two neighbouring events swapped',
      statements: () => [
        `UPDATE privgraph.audit_events SET position = -1 WHERE position = ${K}`,
        `UPDATE privgraph.audit_events SET position = ${K} WHERE position = ${K + 1}`,
        `UPDATE privgraph.audit_events SET position = ${K + 1} WHERE position = -1`,
      ],
      broken: () => ({ position: K, problem: 'inserted-or-reordered' }),
    },
    {
      name: 'the tail cut off (the last three events)',
      statements: () => [`DELETE FROM privgraph.audit_events WHERE position > ${TOTAL - 3}`],
      broken: () => ({ position: TOTAL - 2, problem: 'truncated' }),
    },
    {
      // refused while the triggers are on (a statement trigger); an attacker disables them
      name: 'the whole table emptied with TRUNCATE',
      statements: () => ['TRUNCATE privgraph.audit_events'],
      broken: () => ({ position: 1, problem: 'truncated' }),
    },
    {
      // the audit queries ("who accessed my data") filter on these columns, not on `content`
      name: 'an event’s subject_keys column emptied (it no longer answers its subject)',
      statements: () => [
        `UPDATE privgraph.audit_events SET subject_keys = '{}' WHERE position = ${K}`,
      ],
      broken: () => ({ position: K, problem: 'edited' }),
    },
    {
      name: 'an event’s actor column changed',
      statements: () => [
        `UPDATE privgraph.audit_events SET actor = 'app:nobody' WHERE position = ${K}`,
      ],
      broken: () => ({ position: K, problem: 'edited' }),
    },
  ];
}

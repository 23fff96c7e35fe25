/**
 * An audit log written the way the gateway writes it (issue #6 Tamper tests): the real
 * group-commit writer (`createAuditWriter`) over the real store, its checkpoints signed into
 * a file outside the database, keys derived as the gateway derives them (`auditKeys`). Each
 * event names its writer, round, call and index in `detail`, so a test can check that a
 * call's events stayed together and in order. Nothing personal: subject keys are made up.
 *
 * Also the attacker's tools: SQL on the table with its append-only trigger disabled, as a
 * superuser who can write the table — but does not hold the chain key — would do.
 */
import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import type { AuditWriter } from '../../src/audit';
import type { AuditEventContent } from '../../src/core/audit/audit-event';
import { auditKeys } from '../../src/server/start-audit';
import { assertTestDatabaseName } from './test-database';

/** This test deployment's hash key; the chain and checkpoint keys derive from it. */
export const AUDIT_TEST_HASH_KEY = Buffer.alloc(32, 0x5a);
export const AUDIT_TEST_KEYS = auditKeys(AUDIT_TEST_HASH_KEY);

export interface AppendWorkload {
  readonly writer: string;
  readonly rounds: number;
  /** `record` calls started together in each round (the writer batches them). */
  readonly callsPerRound: number;
}

/** One `read` event like the privacy plugin's: who, role, purpose, keyed subject hashes,
 * coordinates with decisions, request id, versions. */
export function sampleAuditEvent(
  writer: string,
  round: number,
  call: number,
  index: number,
): AuditEventContent {
  const subject = createHmac('sha256', 'audit-fixture')
    .update(`${writer}/${round}/${call}`)
    .digest('hex');
  return {
    kind: 'read',
    at: new Date().toISOString(),
    actor: `app:${writer}`,
    role: 'support-agent',
    purpose: 'customer_service',
    subjectKeys: [`phone:${subject.slice(0, 32)}`, `email:${subject.slice(32)}`],
    coordinates: [
      { coordinate: 'AccountsUsers.full_name', effect: 'allow', reason: 'RULE' },
      { coordinate: 'AccountsUsers.phone', effect: 'transform', method: 'mask', reason: 'RULE' },
    ],
    requestId: `${writer}-${round}-${call}`,
    policyVersion: 'policy-fixture',
    dataMapVersion: 'datamap-fixture',
    detail: { operation: 'Consultation', writer, round, call, index },
  };
}

/** Events per call: 1 to 3, so batches mix calls of different sizes. */
export const eventsOfCall = (call: number): number => 1 + (call % 3);

export function workloadEvents(workload: AppendWorkload): number {
  let total = 0;
  for (let call = 0; call < workload.callsPerRound; call += 1) total += eventsOfCall(call);
  return total * workload.rounds;
}

/**
 * Each round starts `callsPerRound` concurrent `record` calls and waits for all of them (as
 * concurrent requests do), then pauses a little, so writers started together overlap.
 */
export async function runAppendWorkload(
  writer: AuditWriter,
  workload: AppendWorkload,
): Promise<void> {
  for (let round = 0; round < workload.rounds; round += 1) {
    await Promise.all(
      Array.from({ length: workload.callsPerRound }, (_, call) =>
        writer.record(
          Array.from({ length: eventsOfCall(call) }, (_, index) =>
            sampleAuditEvent(workload.writer, round, call, index),
          ),
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

export interface StoredChainRow {
  readonly position: number;
  readonly content: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly detail: { writer: string; round: number; call: number; index: number };
}

/** Every row of the audit table, by position, read with plain SQL (not the code under test). */
export async function readAuditRows(db: Client): Promise<StoredChainRow[]> {
  const { rows } = await db.query<{
    position: string;
    content: string;
    prev_hash: string;
    hash: string;
  }>('SELECT position, content, prev_hash, hash FROM privgraph.audit_events ORDER BY position');
  return rows.map((r) => ({
    position: Number(r.position),
    content: r.content,
    prevHash: r.prev_hash,
    hash: r.hash,
    detail: (JSON.parse(r.content) as { detail: StoredChainRow['detail'] }).detail,
  }));
}

/**
 * Runs `statements` in one transaction with the append-only trigger disabled around them:
 * what an attacker with the table owner's or a superuser's rights does. `trigger: 'on'`
 * leaves it on, for what it does not stop (INSERT, TRUNCATE).
 */
export async function tamperWithAuditTable(
  databaseUrl: string,
  statements: readonly (string | { text: string; values: unknown[] })[],
  options: { trigger?: 'off' | 'on' } = {},
): Promise<void> {
  assertTestDatabaseName(databaseUrl);
  const disable = options.trigger !== 'on';
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    if (disable) await db.query(`ALTER TABLE privgraph.audit_events DISABLE TRIGGER USER`);
    for (const statement of statements)
      if (typeof statement === 'string') await db.query(statement);
      else await db.query(statement.text, statement.values);
    if (disable) await db.query(`ALTER TABLE privgraph.audit_events ENABLE TRIGGER USER`);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

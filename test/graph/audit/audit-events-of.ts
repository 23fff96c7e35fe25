/**
 * Reading back what a test left in the audit trail: the events of one GraphQL operation or
 * rights request (by request id) or of one actor, in chain order; and the keyed identity
 * hashes a demo person's events must carry, from the generator's ground truth.
 */
import type { DataSource } from 'typeorm';
import type { DemoPerson } from '../../../seeds/demo/generate';
import { DEMO_IDENTITY_KINDS } from '../../../seeds/demo/generate';
import type { AuditEventContent } from '../../../src/core/audit/audit-event';
import { subjectKey } from '../../../src/core/identity/subject-key';
import { TEST_KEYS } from '../../support/gateway-harness';

export interface AuditRow {
  readonly position: number;
  readonly content: AuditEventContent;
  /** The stored text, byte for byte (what the scans for personal values read). */
  readonly text: string;
}

async function rows(store: DataSource, where: string, value: string): Promise<AuditRow[]> {
  const found: { position: string; content: string }[] = await store.query(
    `SELECT position, content FROM privgraph.audit_events WHERE ${where} = $1 ORDER BY position`,
    [value],
  );
  return found.map((r) => ({
    position: Number(r.position),
    content: JSON.parse(r.content) as AuditEventContent,
    text: r.content,
  }));
}

export const eventsOfRequest = (store: DataSource, requestId: string): Promise<AuditRow[]> =>
  rows(store, 'request_id', requestId);

export const eventsOfActor = (store: DataSource, actor: string): Promise<AuditRow[]> =>
  rows(store, 'actor', actor);

/** Keyed hashes of every non-shared identity of the person (device ids are shared). */
export function demoSubjectKeys(person: DemoPerson): string[] {
  return Object.entries(person.identities)
    .filter(([kind]) => !DEMO_IDENTITY_KINDS[kind as keyof typeof DEMO_IDENTITY_KINDS].shared)
    .flatMap(([kind, values]) => values.map((value) => subjectKey(TEST_KEYS.hashKey, kind, value)))
    .sort();
}

/** `extensions.privacy.requestId` of a response: the id its audit events carry. */
export function requestIdOf(result: { extensions?: Record<string, unknown> }): string {
  const privacy = result.extensions?.privacy as { requestId?: unknown } | undefined;
  if (typeof privacy?.requestId !== 'string')
    throw new Error(`no extensions.privacy.requestId in ${JSON.stringify(result.extensions)}`);
  return privacy.requestId;
}

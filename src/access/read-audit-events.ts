/**
 * The audit events of one GraphQL operation (SPEC §7): one `read` event per data subject it
 * touched — who asked, in which role, for which purpose, the subject's keyed identity hashes,
 * every coordinate with the decision it got — and one `reidentify` event when tokens were
 * reversed. The people of related rows served (a referrer's customer row) are data subjects
 * of the operation too, named by the identities their rows carry (`ledger-subjects.ts`).
 * Built from what the access layer decided, never from values.
 */
import type { AuditEventContent } from '../core/audit/audit-event';
import { ledgerSubjects } from './ledger-subjects';
import type { RequestAccess } from './request-access';

export interface OperationFacts {
  readonly requestId: string;
  readonly operationName?: string;
  readonly policyVersion: string;
  readonly dataMapVersion: string;
  readonly at: Date;
}

export function readAuditEvents(access: RequestAccess, facts: OperationFacts): AuditEventContent[] {
  const common = {
    at: facts.at.toISOString(),
    actor: access.principal.subject,
    role: access.principal.role,
    purpose: access.purpose,
    requestId: facts.requestId,
    policyVersion: facts.policyVersion,
    dataMapVersion: facts.dataMapVersion,
  };
  const operation = facts.operationName ?? '(anonymous)';
  const events: AuditEventContent[] = ledgerSubjects(access.ledger).map(
    (subject): AuditEventContent => ({
      ...common,
      kind: 'read',
      subjectKeys: subject.subjectKeys,
      coordinates: subject.coordinates,
      // a person met on someone else's related row (their referrer): the event says so
      detail: subject.related ? { operation, relation: 'related' } : { operation },
    }),
  );
  if (access.reidentified > 0)
    events.push({
      ...common,
      kind: 'reidentify',
      subjectKeys: [],
      coordinates: [{ coordinate: 'Mutation.reidentify', effect: 'allow', reason: 'CAPABILITY' }],
      detail: { operation, tokens: access.reidentified },
    });
  return events;
}

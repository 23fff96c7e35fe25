/**
 * The audit events of one GraphQL operation (SPEC §7): one `read` event per data subject it
 * touched — who asked, in which role, for which purpose, the subject's keyed identity hashes,
 * every coordinate with the decision it got — and one `reidentify` event when tokens were
 * reversed. Built from what the access layer decided, never from values.
 */
import type { AuditEventContent } from '../core/audit/audit-event';
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
  const events: AuditEventContent[] = [...access.ledger].map(([subject, touched]) => ({
    ...common,
    kind: 'read',
    subjectKeys: [...subject.subjectKeys].sort(),
    coordinates: [...touched.values()].sort((a, b) => a.coordinate.localeCompare(b.coordinate)),
    detail: { operation },
  }));
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

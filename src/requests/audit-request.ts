/**
 * The audit events of rights requests (SPEC §7 "every personal-data read and write through the
 * gateway records an audit event"; issue #6 item 1): one `request` event per transition of a
 * request — created, planned or plan refused, approved, rejected, retried, partial, resumed,
 * completed, consents withdrawn or granted, package downloaded — and one `write` event per
 * source task that changed a source (its system and row counts).
 *
 * An event names the person by the request's keyed identity hashes, never a raw identity,
 * and carries only non-personal particulars: systems, purposes, counts, statuses, hashes.
 * It is recorded after the change it describes is committed, so it never claims what did not
 * happen; a failure to record it fails the call (a worker's task is then retried).
 */
import type { AuditEventContent } from '../core/audit/audit-event';
import type { RequestKind } from '../core/requests/model';
import type { RequestsRuntime } from './requests-runtime';

/** What the service did to a request (the `detail.event` of its `request` events). */
export type RequestTransition =
  | 'created'
  | 'planned'
  | 'plan_refused'
  | 'approved'
  | 'rejected'
  | 'retried'
  | 'partial'
  | 'resumed'
  | 'completed'
  | 'consents_withdrawn'
  | 'consents_granted'
  | 'package_downloaded';

/** Who moved the request: a caller (token subject and role), or a worker (its id, no role). */
export interface AuditedBy {
  readonly subject: string;
  readonly role?: string;
}

export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export type AuditedChange =
  | { readonly kind: 'request'; readonly event: RequestTransition; readonly detail?: AuditDetail }
  | { readonly kind: 'write'; readonly detail: AuditDetail };

/** The worker running a task (the store records who claimed it). */
export const workerOf = (task: { readonly claimedBy: string | null }): AuditedBy => ({
  subject: task.claimedBy ?? 'privgraph:worker',
});

/** A list of names (systems, purposes) as one detail value. */
export const listed = (names: readonly string[]): string => [...names].sort().join(',');

export async function auditRequest(
  rt: RequestsRuntime,
  request: {
    readonly id: string;
    readonly kind: RequestKind;
    readonly subjectKeys: readonly string[];
  },
  by: AuditedBy,
  change: AuditedChange,
): Promise<void> {
  if (!rt.audit) return;
  const event: AuditEventContent = {
    kind: change.kind,
    at: rt.now().toISOString(),
    actor: by.subject,
    ...(by.role === undefined ? {} : { role: by.role }),
    subjectKeys: [...request.subjectKeys].sort(),
    coordinates: [],
    requestId: request.id,
    policyVersion: rt.policy.contentHash,
    dataMapVersion: rt.map.contentHash,
    detail: {
      request: request.kind,
      ...(change.kind === 'request' ? { event: change.event } : {}),
      ...change.detail,
    },
  };
  await rt.audit([event]);
}

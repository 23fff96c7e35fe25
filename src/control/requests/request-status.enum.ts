import { registerEnumType } from 'type-graphql';
import type { RequestStatus } from '../../core/requests/model';

/** Where a request is in its lifecycle (src/core/requests/model.ts `RequestStatus`). */
export enum CatalogRequestStatus {
  RECEIVED = 'received',
  AWAITING_APPROVAL = 'awaiting_approval',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  IN_PROGRESS = 'in_progress',
  PARTIAL = 'partial',
  COMPLETED = 'completed',
  FAILED = 'failed',
}

registerEnumType(CatalogRequestStatus, {
  name: 'CatalogRequestStatus',
  description: 'Where a rights request is in its lifecycle.',
  valuesConfig: {
    RECEIVED: { description: 'Recorded; its work is queued.' },
    AWAITING_APPROVAL: {
      description: 'An erasure or closure whose plan waits for a role that may approve it.',
    },
    APPROVED: { description: 'Approved; execution is queued.' },
    REJECTED: { description: 'Refused by an approver (final; the reply says why).' },
    IN_PROGRESS: { description: 'Per-source tasks are running.' },
    PARTIAL: { description: 'A source failed; the others are done. `retryRequest` resumes it.' },
    COMPLETED: { description: 'Done and verified (final; the reply says what was done).' },
    FAILED: { description: 'Nothing more can be done without a human (the result says why).' },
  },
});

export const CATALOG_REQUEST_STATUS: Readonly<Record<RequestStatus, CatalogRequestStatus>> = {
  received: CatalogRequestStatus.RECEIVED,
  awaiting_approval: CatalogRequestStatus.AWAITING_APPROVAL,
  approved: CatalogRequestStatus.APPROVED,
  rejected: CatalogRequestStatus.REJECTED,
  in_progress: CatalogRequestStatus.IN_PROGRESS,
  partial: CatalogRequestStatus.PARTIAL,
  completed: CatalogRequestStatus.COMPLETED,
  failed: CatalogRequestStatus.FAILED,
};

/** Statuses after which a request is no longer counted as overdue (the store's
 * `listRequests` orders by the same rule). */
export const CLOSED_STATUSES: ReadonlySet<RequestStatus> = new Set(['completed', 'rejected']);

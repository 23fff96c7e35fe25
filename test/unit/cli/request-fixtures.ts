/** A request as the gateway answers `RightsRequestView`, for the CLI's unit tests. */
import type { RightsRequestViewFragment } from '../../../src/generated/graphql';

export const REQUEST: RightsRequestViewFragment = {
  id: '6f1c2a57-5b7e-4c55-9d1e-0a5a3b7c9d10',
  kind: 'ACCOUNT_CLOSURE',
  status: 'AWAITING_APPROVAL',
  receivedAt: '2026-11-30T03:00:00.000Z',
  dueDate: '2026-12-21',
  overdue: false,
  identityVerification: 'SMS code to the account phone',
  requestedBy: 'cli:alice',
  details: {},
  planSummary: null,
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  result: null,
  reply: null,
  packageHash: null,
  downloadUrl: null,
  completedAt: null,
};

/**
 * Store records → control-plane objects. The one place that decides what of a request
 * leaves the gateway: never its subject keys, its sealed payload or its sealed plan.
 */
import { civilDateAt } from '../../core/calendar/iso-date';
import type { RequestsRuntime } from '../../requests';
import type {
  ConsentHistoryEvent,
  LegalHoldRecord,
  RequestEventRecord,
  RequestRecord,
  TaskRecord,
} from '../../store';
import { CatalogConsentAction } from './consent-action.enum';
import type { CatalogConsentEvent } from './consent-event.type';
import type { CatalogLegalHold } from './legal-hold.type';
import type { CatalogRequestEvent } from './request-event.type';
import { CATALOG_REQUEST_KIND } from './request-kind.enum';
import { CATALOG_REQUEST_STATUS, CLOSED_STATUSES } from './request-status.enum';
import type { CatalogRequestTask } from './request-task.type';
import type { CatalogRightsRequest } from './rights-request.type';
import { CATALOG_TASK_STATUS } from './task-status.enum';

/** Today in the holiday calendar's time zone: what due dates are compared with (the same
 * day the store's overdue-first ordering uses). */
export function todayOf(rt: RequestsRuntime): string {
  return civilDateAt(rt.now(), rt.calendar.timeZone);
}

/** Where a completed access request's export is downloaded (src/server/http-server.ts). */
export function packageDownloadPath(requestId: string): string {
  return `/requests/${requestId}/package`;
}

export function projectRequest(record: RequestRecord, today: string): CatalogRightsRequest {
  const downloadable =
    record.kind === 'access' && record.status === 'completed' && record.packageHash !== null;
  return {
    id: record.id,
    kind: CATALOG_REQUEST_KIND[record.kind],
    status: CATALOG_REQUEST_STATUS[record.status],
    receivedAt: record.receivedAt,
    dueDate: record.dueDate,
    overdue: !CLOSED_STATUSES.has(record.status) && record.dueDate < today,
    identityVerification: record.identityVerification,
    requestedBy: record.requestedBy,
    requestedRole: record.requestedRole,
    details: record.details,
    planSummary: record.planSummary,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt,
    decisionNote: record.decisionNote,
    result: record.result,
    reply: record.reply,
    packageHash: record.packageHash,
    downloadUrl: downloadable ? packageDownloadPath(record.id) : null,
    completedAt: record.completedAt,
    updatedAt: record.updatedAt,
  };
}

export function projectTask(task: TaskRecord): CatalogRequestTask {
  return {
    id: task.id,
    kind: task.kind,
    system: task.system === '' ? null : task.system,
    status: CATALOG_TASK_STATUS[task.status],
    attempts: task.attempts,
    lastError: task.lastError,
    result: task.result,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
  };
}

export function projectEvent(event: RequestEventRecord): CatalogRequestEvent {
  return {
    at: event.at,
    event: event.event,
    actor: event.actor,
    taskId: event.taskId,
    detail: event.detail,
  };
}

export function projectHold(hold: LegalHoldRecord, now: Date): CatalogLegalHold {
  const expiresAt = hold.expiresAt === undefined ? null : new Date(hold.expiresAt);
  return {
    id: hold.id,
    reason: hold.reason,
    note: hold.note ?? null,
    onSubject: hold.subjectKeys !== undefined,
    collection: hold.collection ?? null,
    retainDays: hold.retainDays ?? null,
    dateField: hold.dateField ?? null,
    expiresAt,
    inForce: hold.releasedAt === null && (expiresAt === null || expiresAt > now),
    placedBy: hold.placedBy,
    placedAt: hold.placedAt,
    releasedBy: hold.releasedBy,
    releasedAt: hold.releasedAt,
    releaseNote: hold.releaseNote,
  };
}

export function projectConsentEvent(event: ConsentHistoryEvent): CatalogConsentEvent {
  return {
    purpose: event.purpose,
    action: event.action === 'grant' ? CatalogConsentAction.GRANT : CatalogConsentAction.WITHDRAW,
    guardian: event.guardian,
    recordedBy: event.recordedBy,
    recordedAt: event.recordedAt,
    requestId: event.requestId,
    identities: event.keys,
  };
}

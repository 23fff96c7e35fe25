/**
 * Subject-rights requests (SPEC §6): the service the control plane, the HTTP download route,
 * the worker and the CLI call. Every function takes the runtime and the acting caller;
 * capability checks (`may:`) are the caller's job (src/control), input checks are here.
 */
export type { Actor, RequestErrorCode, RequestsRuntime } from './requests-runtime';
export { RequestError } from './requests-runtime';
export { consentPurposes, grantConsent, withdrawConsent } from './consent-requests';
export type { ConsentInput } from './consent-requests';
export { holdsOf, keysOf, placeHold, releaseHold } from './legal-hold-service';
export type { LegalHoldInput } from './legal-hold-service';
export { requestAccess, downloadPackage } from './access-request';
export type { DownloadedPackage } from './access-request';
export { requestErasure, closeAccount } from './erasure-request';
export { requestCorrection } from './correction-request';
export type { CorrectionInput } from './correction-request';
export { approveRequest, rejectRequest, retryRequest } from './decide-request';
export { createRequestWorker } from './request-worker';
export type { RequestWorker, WorkerOptions, WorkerPoint } from './request-worker';
export { REQUEST_TASK_HANDLERS } from './task-handlers';
export type { SubjectRequestInput } from './subject-request-input';

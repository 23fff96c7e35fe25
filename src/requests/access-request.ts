/**
 * Access requests (SPEC §6 Access; PIPL art. 45): an export of everything about the person
 * in every system, built by a task, stored sealed and expiring, downloadable by a role that
 * `may: request.export`, every download recorded.
 */
import type { RequestRecord } from '../store';
import type { Actor, RequestsRuntime } from './requests-runtime';
import type { SubjectRequestInput } from './subject-request-input';

export interface DownloadedPackage {
  readonly contentHash: string;
  readonly json: Buffer;
  readonly fileName: string;
}

export async function requestAccess(
  _rt: RequestsRuntime,
  _actor: Actor,
  _input: SubjectRequestInput,
): Promise<RequestRecord> {
  throw new Error('not built yet');
}

export async function downloadPackage(
  _rt: RequestsRuntime,
  _actor: Actor,
  _requestId: string,
): Promise<DownloadedPackage> {
  throw new Error('not built yet');
}

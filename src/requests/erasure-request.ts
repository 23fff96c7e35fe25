import type { RequestRecord } from '../store';
import type { Actor, RequestsRuntime } from './requests-runtime';
import type { SubjectRequestInput } from './subject-request-input';

export async function requestErasure(
  _rt: RequestsRuntime,
  _actor: Actor,
  _input: SubjectRequestInput,
): Promise<RequestRecord> {
  throw new Error('not built yet');
}

export async function closeAccount(
  _rt: RequestsRuntime,
  _actor: Actor,
  _input: SubjectRequestInput,
): Promise<RequestRecord> {
  throw new Error('not built yet');
}

import type { RequestRecord } from '../store';
import type { Actor, RequestsRuntime } from './requests-runtime';

export async function approveRequest(
  _rt: RequestsRuntime,
  _actor: Actor,
  _id: string,
  _note?: string,
): Promise<RequestRecord> {
  throw new Error('not built yet');
}

export async function rejectRequest(
  _rt: RequestsRuntime,
  _actor: Actor,
  _id: string,
  _reason: string,
): Promise<RequestRecord> {
  throw new Error('not built yet');
}

export async function retryRequest(
  _rt: RequestsRuntime,
  _actor: Actor,
  _id: string,
): Promise<RequestRecord> {
  throw new Error('not built yet');
}

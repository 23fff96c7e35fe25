import type { RequestRecord } from '../store';
import type { Actor, RequestsRuntime } from './requests-runtime';
import type { SubjectRequestInput } from './subject-request-input';

export interface CorrectionInput extends SubjectRequestInput {
  /** The data category whose value is corrected everywhere it is held. */
  readonly category: string;
  readonly value: string;
}

export async function requestCorrection(
  _rt: RequestsRuntime,
  _actor: Actor,
  _input: CorrectionInput,
): Promise<RequestRecord> {
  throw new Error('not built yet');
}

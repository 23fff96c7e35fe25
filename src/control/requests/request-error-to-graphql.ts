/**
 * The service's refusals (`RequestError`, src/requests) in the one error taxonomy: the code
 * travels as `extensions.code`, the message — which says what to do instead and never
 * carries a personal value — as is. Anything else propagates and is masked by the gateway's
 * error formatter.
 */
import type { GraphQLError } from 'graphql';
import { BadUserInputError, ConflictError, NotFoundError } from '../../errors/error-codes';
import type { RequestErrorCode } from '../../requests';
import { RequestError } from '../../requests';

const BY_CODE: Readonly<Record<RequestErrorCode, (message: string) => GraphQLError>> = {
  BAD_USER_INPUT: (message) => new BadUserInputError(message),
  NOT_FOUND: (message) => new NotFoundError(message),
  CONFLICT: (message) => new ConflictError(message),
};

/** Runs one service call, translating its refusals. */
export async function callRequestService<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RequestError) throw BY_CODE[error.code](error.message);
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Request and hold ids are UUIDs; anything else is refused before it reaches SQL. */
export function checkUuid(id: string, what: string): string {
  if (!UUID.test(id))
    throw new BadUserInputError(`a ${what} id is a UUID (as listed by the control plane)`);
  return id.toLowerCase();
}

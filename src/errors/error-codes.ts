/**
 * privgraph's one error taxonomy (after Apollo Server's `ApolloServerErrorCode`): every
 * error a client sees carries one of these in `extensions.code`. Internals (stacks, SQL,
 * values) never travel with them; `server/format-error.ts` masks anything else.
 */
import { GraphQLError } from 'graphql';

export enum PrivgraphErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  PURPOSE_NOT_ALLOWED = 'PURPOSE_NOT_ALLOWED',
  SOURCE_UNAVAILABLE = 'SOURCE_UNAVAILABLE',
  TRAVERSAL_LIMIT = 'TRAVERSAL_LIMIT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class BadUserInputError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: PrivgraphErrorCode.BAD_USER_INPUT } });
  }
}

/** A source (a whole system) did not answer; names the system, never the data. */
export class SourceUnavailableGraphQLError extends GraphQLError {
  constructor(system: string, systemName: string) {
    super(
      `System "${systemName}" (${system}) is unavailable; its data is missing from this response.`,
      {
        extensions: { code: PrivgraphErrorCode.SOURCE_UNAVAILABLE, system },
      },
    );
  }
}

export class TraversalLimitError extends GraphQLError {
  constructor(rounds: number) {
    super(`The subject traversal stopped after ${rounds} rounds; the result may be incomplete.`, {
      extensions: { code: PrivgraphErrorCode.TRAVERSAL_LIMIT },
    });
  }
}

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

/** Reasons never shown to a caller because they disclose something themselves (SPEC §4.4). */
const HIDDEN_REASONS = new Set(['MINOR']);

/**
 * A field or collection the caller may not read: null in `data`, and this error naming the
 * schema coordinate and the reason — never the value.
 */
export class ForbiddenFieldError extends GraphQLError {
  constructor(coordinate: string, reason: string) {
    const shown = HIDDEN_REASONS.has(reason) ? 'POLICY' : reason;
    super(`Access denied to ${coordinate} (${shown}).`, {
      extensions: { code: PrivgraphErrorCode.FORBIDDEN, coordinate, reason: shown },
    });
  }
}

/** The operation's purpose is missing, not the caller's role's, or contradicts the header. */
export class PurposeNotAllowedError extends GraphQLError {
  constructor(message: string) {
    super(message, {
      extensions: { code: PrivgraphErrorCode.PURPOSE_NOT_ALLOWED, http: { status: 403 } },
    });
  }
}

export class CapabilityRequiredError extends GraphQLError {
  constructor(capability: string) {
    super(`This operation needs the "${capability}" capability, which your role does not have.`, {
      extensions: { code: PrivgraphErrorCode.FORBIDDEN, capability },
    });
  }
}

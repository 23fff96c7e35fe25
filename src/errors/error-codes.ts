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
  /** A named thing (a rights request, a legal hold) does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** The thing exists but is not in a state that allows this (an erasure already approved,
   * an export expired or not built yet). */
  CONFLICT = 'CONFLICT',
  PURPOSE_NOT_ALLOWED = 'PURPOSE_NOT_ALLOWED',
  SOURCE_UNAVAILABLE = 'SOURCE_UNAVAILABLE',
  TRAVERSAL_LIMIT = 'TRAVERSAL_LIMIT',
  /** The audit trail could not be written: the response carrying data is withheld. */
  AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE',
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

/** The caller's role does not `may:` the capability (or any of the alternatives). */
export class CapabilityRequiredError extends GraphQLError {
  constructor(capability: string, ...alternatives: string[]) {
    super(
      alternatives.length === 0
        ? `This operation needs the "${capability}" capability, which your role does not have.`
        : `This operation needs one of the capabilities ${[capability, ...alternatives].map((c) => `"${c}"`).join(', ')}; your role has none of them.`,
      {
        extensions: {
          code: PrivgraphErrorCode.FORBIDDEN,
          capability,
          ...(alternatives.length === 0 ? {} : { alternatives }),
        },
      },
    );
  }
}

/** No principal: the caller sent no (valid) token, so nothing of the control plane runs. */
export class AuthenticationRequiredError extends GraphQLError {
  constructor() {
    super('Authentication required: send Authorization: Bearer <token>.', {
      extensions: { code: PrivgraphErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: PrivgraphErrorCode.NOT_FOUND } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: PrivgraphErrorCode.CONFLICT } });
  }
}

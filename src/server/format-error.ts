/**
 * The one place errors are normalised for clients (STYLE.md §5): errors of our taxonomy
 * and GraphQL's own validation errors pass; anything else becomes INTERNAL_SERVER_ERROR
 * with no message, stack, SQL or value — the original goes to the log only.
 */
import type { GraphQLFormattedError } from 'graphql';
import { PrivgraphErrorCode } from '../errors/error-codes';

const PUBLIC_CODES = new Set<string>([
  ...Object.values(PrivgraphErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function createFormatError(log: (message: string) => void) {
  return (formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      PUBLIC_CODES.has(code) &&
      code !== PrivgraphErrorCode.INTERNAL_SERVER_ERROR
    ) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(`internal error at ${formatted.path?.join('.') ?? '(request)'}: ${describe(original)}`);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: PrivgraphErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function describe(error: unknown): string {
  const inner = (error as { originalError?: unknown }).originalError ?? error;
  return inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner);
}

/**
 * An HTTP collection's `endpoints:` with defaults filled in (docs/http-sources.md). Whether
 * they fit the collection (placeholders, primary key, source kind) is checked afterwards on
 * the model, in `validate-endpoints.ts`.
 */
import type { HttpEndpoints, HttpWriteEndpoint } from './model';
import type { RawEndpoints } from './raw-schema';

/** The parameter a paged lookup sends its cursor back in, unless the map names another. */
export const DEFAULT_CURSOR_PARAM = 'cursor';

type RawWrite = NonNullable<RawEndpoints['update']>;

export function normalizeEndpoints(raw: RawEndpoints): HttpEndpoints {
  const lookup = raw.lookup;
  return {
    ...(lookup && {
      lookup: {
        method: lookup.method ?? 'GET',
        path: lookup.path,
        ...(lookup.rows === undefined ? {} : { rows: lookup.rows }),
        ...(lookup.nextPage === undefined ? {} : { nextPage: lookup.nextPage }),
        cursorParam: lookup.cursorParam ?? DEFAULT_CURSOR_PARAM,
      },
    }),
    ...(raw.update && { update: normalizeWrite(raw.update, 'PATCH') }),
    ...(raw.delete && { delete: normalizeWrite(raw.delete, 'DELETE') }),
  };
}

function normalizeWrite(raw: RawWrite, fallback: HttpWriteEndpoint['method']): HttpWriteEndpoint {
  const method = raw.method ?? fallback;
  return {
    method,
    path: raw.path,
    batch: raw.batch ?? false,
    // RFC 9110 §9.2.2: PUT and DELETE are idempotent by definition; PATCH and POST are not,
    // so repeating one after a lost answer could apply it twice — unless the map says so.
    idempotent: raw.idempotent ?? (method === 'PUT' || method === 'DELETE'),
    ...(raw.count === undefined ? {} : { count: raw.count }),
  };
}

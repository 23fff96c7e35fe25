/**
 * Batched lookup over HTTP (SPEC §5): one call per batch of values — several only when the
 * URL would grow past `MAX_URL_LENGTH` — each followed through its pages. The service
 * compares in the canonical form (it is sent canonical values), and the rows it returns
 * are filtered again here by the same canonical form, so a sloppy service cannot attach
 * someone else's rows to a person.
 */
import type { HttpLookupEndpoint } from '../../core/datamap/model';
import { formatCollectionAddress } from '../../core/datamap/model';
import { canonicalIdentity } from '../../core/identity/canonical';
import type { LookupRequest, SourceRow } from '../connector';
import { acceptsValue } from '../field-values';
import type { HttpAnswer, HttpCall } from './http-call';
import { HttpCallError } from './http-call';
import { joinUrl, lookupUrls, templateParts, valueAtPath, withQueryParam } from './http-url';
import { fromJson, projectRow } from './http-values';

/** A lookup with more pages than this is refused rather than truncated: a partial answer
 * would silently leave rows out of a rights request. */
export const MAX_PAGES = 100;

export interface HttpEndpointContext {
  readonly baseUrl: string;
  call(call: HttpCall): Promise<HttpAnswer>;
}

type RawRow = Readonly<Record<string, unknown>>;

export function lookupEndpointOf(request: Pick<LookupRequest, 'collection'>): HttpLookupEndpoint {
  const endpoint = request.collection.endpoints?.lookup;
  if (!endpoint)
    throw new Error(
      `${formatCollectionAddress(request.collection.address)} has no lookup endpoint`,
    );
  return endpoint;
}

export async function lookupRows(
  context: HttpEndpointContext,
  request: LookupRequest,
): Promise<SourceRow[]> {
  const { collection, field, match } = request;
  const endpoint = lookupEndpointOf(request);
  const type = match === 'exact' ? (field.type ?? 'string') : 'string';
  const values = [...new Set(request.values)].filter((value) => acceptsValue(type, value));
  if (values.length === 0) return [];
  const label = `${endpoint.method} ${endpoint.path}`;
  const batches =
    endpoint.method === 'GET'
      ? lookupUrls(context.baseUrl, templateParts(endpoint.path), field.column, values)
      : [{ url: joinUrl(context.baseUrl, endpoint.path), values }];
  const found = await Promise.all(
    batches.map(async (batch) => {
      const rows = await readPages(context, endpoint, label, (cursor) =>
        endpoint.method === 'GET'
          ? {
              method: 'GET',
              url: cursor ? withQueryParam(batch.url, endpoint.cursorParam, cursor) : batch.url,
              params: batch.values.length,
            }
          : {
              method: 'POST',
              url: batch.url,
              body: {
                field: field.column,
                values: batch.values,
                ...(cursor ? { [endpoint.cursorParam]: cursor } : {}),
              },
              params: batch.values.length,
            },
      );
      const wanted = new Set(batch.values);
      return rows.filter((raw) => {
        const value = canonicalIdentity(match, fromJson(field.type ?? 'string', raw[field.column]));
        return value !== null && wanted.has(value);
      });
    }),
  );
  const keys = request.fields.includes(field.key) ? request.fields : [...request.fields, field.key];
  return distinct(found.flat(), collection.primaryKey.map(columnOf(request))).map((raw) =>
    projectRow(raw, collection, keys, request.bornAfter),
  );
}

async function readPages(
  context: HttpEndpointContext,
  endpoint: HttpLookupEndpoint,
  label: string,
  page: (cursor: string | undefined) => {
    method: string;
    url: string;
    body?: unknown;
    params: number;
  },
): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let count = 1; ; count++) {
    // A lookup only reads, so it is safe to repeat — a POST lookup too, whatever POST
    // usually means.
    const answer = await context.call({
      ...page(cursor),
      operation: 'lookup',
      label,
      idempotent: true,
    });
    const list = valueAtPath(answer.body, endpoint.rows);
    if (!Array.isArray(list))
      throw new HttpCallError(
        `${label} answered without a list of rows at "${endpoint.rows ?? '(the body)'}"`,
        'response',
      );
    for (const item of list as unknown[]) {
      if (item === null || typeof item !== 'object' || Array.isArray(item))
        throw new HttpCallError(`${label} answered a row that is not an object`, 'response');
      rows.push(item as RawRow);
    }
    const next = endpoint.nextPage ? valueAtPath(answer.body, endpoint.nextPage) : undefined;
    if (next === undefined || next === null || next === '') return rows;
    if (typeof next !== 'string' && typeof next !== 'number')
      throw new HttpCallError(`${label} answered a page cursor that is not text`, 'response');
    cursor = String(next);
    if (cursors.has(cursor))
      throw new HttpCallError(`${label} sent the same page cursor twice`, 'response');
    if (count >= MAX_PAGES)
      throw new HttpCallError(
        `${label} has more than ${MAX_PAGES} pages for one lookup`,
        'response',
      );
    cursors.add(cursor);
  }
}

function columnOf(request: LookupRequest): (key: string) => string {
  return (key) => request.collection.fields.find((f) => f.key === key)?.column ?? key;
}

/** A row seen twice (on two pages of a shifting list) is one row. */
function distinct(rows: readonly RawRow[], keyColumns: readonly string[]): RawRow[] {
  if (keyColumns.length === 0) return [...rows];
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify(keyColumns.map((column) => row[column] ?? null));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

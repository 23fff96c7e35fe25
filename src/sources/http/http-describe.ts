/**
 * What the start-up check can learn about a service that has no catalogue (issue #4 item 6):
 * whether each collection's lookup endpoint is served and answers a list of rows where the
 * map says. The columns are the map's own declarations — a service cannot be asked for
 * its attributes without reading somebody's row, so they are not checked (the map's
 * `type:`s are the types, docs/http-sources.md).
 */
import type { CollectionDef, FieldDef, FieldType } from '../../core/datamap/model';
import type { TableDescription } from '../connector';
import { HttpCallError } from './http-call';
import type { HttpEndpointContext } from './http-lookup';
import { lookupRows } from './http-lookup';

/** A value of each type that is meant to match no one: the probe reads no rows it keeps. */
const PROBE_VALUES: Readonly<Record<FieldType, string>> = {
  string: 'privgraph-endpoint-check',
  uuid: '00000000-0000-0000-0000-000000000000',
  int: '0',
  bigint: '0',
  float: '0',
  decimal: '0',
  boolean: 'false',
  date: '1900-01-01',
  datetime: '1900-01-01T00:00:00Z',
  json: '0',
  bytes: '0',
};

/** "No such path" or "not this method": the map names an endpoint the service lacks. */
const NOT_SERVED = new Set([404, 405, 501]);

export async function describeCollection(
  context: HttpEndpointContext,
  collection: CollectionDef,
): Promise<TableDescription> {
  const columns = collection.fields.map((field) => ({
    column: field.column,
    nativeType: 'json',
    type: field.type ?? 'string',
    // a row is addressed by its key, so a key attribute is never null
    nullable: !collection.primaryKey.includes(field.key),
  }));
  const missing: TableDescription = { table: collection.table, exists: false, columns: [] };
  const field = probeField(collection);
  if (!collection.endpoints?.lookup || !field) return missing;
  const type = field.type ?? 'string';
  try {
    await lookupRows(context, {
      collection,
      field,
      match: 'exact',
      values: [PROBE_VALUES[type]],
      fields: [field.key],
    });
  } catch (error) {
    if (!(error instanceof HttpCallError)) throw error;
    const status = error.failure === 'status' ? error.status : undefined;
    // 400/422 refuse the probe's value: the endpoint is there.
    if (status === 400 || status === 422) return { table: collection.table, exists: true, columns };
    // Not served, or an answer the map's `rows:` does not fit: the map is wrong.
    if ((status !== undefined && NOT_SERVED.has(status)) || error.failure === 'response')
      return missing;
    // No answer, 401/403 or 5xx: the service is down or refuses us — unreachable, not wrong.
    throw error;
  }
  return { table: collection.table, exists: true, columns };
}

/** The field real lookups use: an identity, else a reference, else the primary key. */
function probeField(collection: CollectionDef): FieldDef | undefined {
  const fields = collection.fields;
  return (
    fields.find((f) => f.identity !== undefined) ??
    fields.find((f) => f.references !== undefined) ??
    fields.find((f) => f.key === collection.primaryKey[0])
  );
}

/**
 * Updates and deletes over HTTP, for rights requests (SPEC §6). A service has no
 * transaction the gateway could hold: the calls of one `transaction(work)` run in order,
 * each on its own, and a failure stops the rest — the calls before it stay done (the
 * request executor records per-row progress and resumes; docs/http-sources.md).
 * A 404 on a row's endpoint means the row is already gone (0 rows changed).
 */
import type { CollectionDef, HttpWriteEndpoint } from '../../core/datamap/model';
import { formatCollectionAddress } from '../../core/datamap/model';
import type { RowKeyValues, SourceTransaction } from '../connector';
import type { HttpEndpointContext } from './http-lookup';
import { fillPath, joinUrl, templateParts, valueAtPath } from './http-url';
import { toJson } from './http-values';

const GONE = (status: number): boolean => status === 404;

export function httpTransaction(context: HttpEndpointContext): SourceTransaction {
  return {
    async update(collection, key, changes) {
      const endpoint = endpointOf(collection, 'update');
      const entries = Object.entries(changes);
      if (entries.length === 0) return 0;
      const answer = await context.call({
        operation: 'update',
        method: endpoint.method,
        url: rowUrl(context, endpoint, collection, key),
        label: `${endpoint.method} ${endpoint.path}`,
        body: Object.fromEntries(
          entries.map(([field, value]) => [column(collection, field), toJson(value)]),
        ),
        idempotent: endpoint.idempotent,
        params: entries.length + collection.primaryKey.length,
        accept: GONE,
      });
      return GONE(answer.status) ? 0 : 1;
    },

    async delete(collection, keys) {
      const endpoint = endpointOf(collection, 'delete');
      if (keys.length === 0) return 0;
      const label = `${endpoint.method} ${endpoint.path}`;
      if (endpoint.batch) {
        const answer = await context.call({
          operation: 'delete',
          method: endpoint.method,
          url: joinUrl(context.baseUrl, endpoint.path),
          label,
          body: { keys: keys.map((key) => keyBody(collection, key)) },
          idempotent: endpoint.idempotent,
          params: keys.length * collection.primaryKey.length,
        });
        const count = endpoint.count ? Number(valueAtPath(answer.body, endpoint.count)) : NaN;
        return Number.isInteger(count) ? count : keys.length;
      }
      let deleted = 0;
      for (const key of keys) {
        const answer = await context.call({
          operation: 'delete',
          method: endpoint.method,
          url: rowUrl(context, endpoint, collection, key),
          label,
          idempotent: endpoint.idempotent,
          params: collection.primaryKey.length,
          accept: GONE,
        });
        if (!GONE(answer.status)) deleted++;
      }
      return deleted;
    },
  };
}

function endpointOf(collection: CollectionDef, operation: 'update' | 'delete'): HttpWriteEndpoint {
  const endpoint = collection.endpoints?.[operation];
  if (!endpoint)
    throw new Error(
      `${formatCollectionAddress(collection.address)} declares no ${operation} endpoint in the data map`,
    );
  return endpoint;
}

function column(collection: CollectionDef, key: string): string {
  const field = collection.fields.find((f) => f.key === key);
  if (!field) throw new Error(`${collection.key} has no field "${key}"`);
  return field.column;
}

function rowUrl(
  context: HttpEndpointContext,
  endpoint: HttpWriteEndpoint,
  collection: CollectionDef,
  key: RowKeyValues,
): string {
  const values = Object.fromEntries(
    collection.primaryKey.map((field) => [field, keyText(key, field)]),
  );
  return joinUrl(context.baseUrl, fillPath(templateParts(endpoint.path), values));
}

function keyBody(collection: CollectionDef, key: RowKeyValues): Record<string, unknown> {
  return Object.fromEntries(
    collection.primaryKey.map((field) => [column(collection, field), toJson(keyValue(key, field))]),
  );
}

function keyValue(key: RowKeyValues, field: string): unknown {
  const value = key[field];
  if (value === null || value === undefined)
    throw new Error(`primary key field "${field}" has no value`);
  return value;
}

function keyText(key: RowKeyValues, field: string): string {
  const value = keyValue(key, field);
  return value instanceof Date ? value.toISOString() : String(value);
}

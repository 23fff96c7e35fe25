/** A small data map with one HTTP system, for connector tests: parsed by the real parser,
 * so the connector sees exactly the model a deployment would give it. */
import { parseDataMap } from '../../../../src/core/datamap/parse-data-map';
import type { CollectionDef, HttpSourceDef, SystemDef } from '../../../../src/core/datamap/model';
import { HttpConnector } from '../../../../src/sources/http/http-connector';

export interface ServiceMapOptions {
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly lookup?: Record<string, unknown>;
  readonly update?: Record<string, unknown>;
  readonly delete?: Record<string, unknown>;
  readonly health?: string;
  readonly token?: string;
}

export function serviceMap(baseUrl: string, options: ServiceMapOptions = {}) {
  const yaml = JSON.stringify({
    version: 1,
    organization: { name: 'Test' },
    identities: { email: { format: 'email' }, phone: { format: 'phone_cn' }, user_id: {} },
    purposes: { support: {} },
    systems: {
      desk: {
        name: 'Support desk',
        source: {
          kind: 'http',
          baseUrl,
          headers: { authorization: options.token ?? '', 'x-empty': '' },
          timeoutMs: options.timeoutMs ?? 2000,
          retries: options.retries ?? 2,
          ...(options.health ? { health: options.health } : {}),
        },
        collections: {
          tickets: {
            primaryKey: ['id'],
            purposes: ['support'],
            endpoints: {
              lookup: options.lookup ?? {
                method: 'GET',
                path: '/tickets?{field}={values}',
                rows: 'items',
                nextPage: 'next',
              },
              update: options.update ?? { method: 'PATCH', path: '/tickets/{id}' },
              delete: options.delete ?? { method: 'DELETE', path: '/tickets/{id}' },
            },
            fields: {
              id: { type: 'bigint' },
              user_id: { type: 'bigint', identity: 'user_id' },
              email: { column: 'contact_email', identity: 'email', category: 'user.contact.email' },
              phone: { identity: 'phone', category: 'user.contact.phone_number' },
              born: { type: 'date', category: 'user.demographic.date_of_birth' },
              opened_at: { type: 'datetime' },
              body: { category: 'user.content.private' },
            },
          },
        },
      },
    },
  });
  const result = parseDataMap(yaml, 'test-map.yaml', {});
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const system = result.map.systems[0] as SystemDef;
  return {
    system,
    source: system.source as HttpSourceDef,
    tickets: system.collections[0] as CollectionDef,
    field: (key: string) => {
      const field = (system.collections[0] as CollectionDef).fields.find((f) => f.key === key);
      if (!field) throw new Error(key);
      return field;
    },
  };
}

export function connectorFor(baseUrl: string, options: ServiceMapOptions = {}) {
  const map = serviceMap(baseUrl, options);
  const calls: { text: string; params: number }[] = [];
  const connector = new HttpConnector(map.system, map.source, {
    observer: (event) => calls.push({ text: event.text, params: event.params }),
    backoffMs: 5,
  });
  return { ...map, connector, calls };
}

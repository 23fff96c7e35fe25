/**
 * HTTP sources (issue #4 item 2, docs/http-sources.md): a service has no catalogue, so every
 * collection of an HTTP system declares its endpoints, and each template must be fillable
 * from what the connector has — a lookup's field and values, a row's primary key. A mistake
 * here would otherwise surface as a wrong URL at the first rights request.
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { didYouMean } from './did-you-mean';
import type { MapPath } from './map-paths';
import { collectionPath, systemPath } from './map-paths';
import type { CollectionDef, DataMap, HttpWriteEndpoint, SystemDef } from './model';
import { formatCollectionAddress } from './model';
import { parsePathTemplate, placeholdersOf } from './path-template';

const DOTTED = /^[^.]+(\.[^.]+)*$/;

/** Placeholders of a template, or the problems that stop it from being read. */
function placeholdersAt(template: string, at: MapPath, issues: DataMapIssue[]): string[] | null {
  const parsed = parsePathTemplate(template);
  if (!parsed.ok) {
    issues.push(issue(at, parsed.error, "write a path such as '/consultations/{id}'"));
    return null;
  }
  const names = placeholdersOf(parsed.parts);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined)
    issues.push(issue(at, `placeholder {${twice}} appears twice`, 'use each placeholder once'));
  return names;
}

function checkLookup(collection: CollectionDef, path: MapPath, issues: DataMapIssue[]): void {
  const lookup = collection.endpoints?.lookup;
  if (!lookup) {
    issues.push(
      issue(
        [...path, 'endpoints'],
        `collection ${formatCollectionAddress(collection.address)} declares no lookup endpoint`,
        `add endpoints: { lookup: { method: GET, path: '/${collection.table}?{field}={values}', rows: items } }`,
      ),
    );
    return;
  }
  const at = [...path, 'endpoints', 'lookup'];
  for (const key of ['rows', 'nextPage'] as const) {
    const value = lookup[key];
    if (value !== undefined && !DOTTED.test(value))
      issues.push(issue([...at, key], `'${value}' is not a dotted path`, 'write e.g. data.items'));
  }
  const names = placeholdersAt(lookup.path, [...at, 'path'], issues);
  if (names === null) return;
  if (lookup.method === 'POST') {
    for (const name of names)
      issues.push(
        issue(
          [...at, 'path'],
          `unknown placeholder {${name}} in a POST lookup path`,
          'a POST lookup sends { field, values } in its JSON body; remove the placeholder',
        ),
      );
    return;
  }
  for (const name of names.filter((n) => n !== 'field' && n !== 'values'))
    issues.push(
      issue(
        [...at, 'path'],
        `unknown placeholder {${name}} in the lookup path`,
        didYouMean(name, ['field', 'values'], 'a GET lookup path may use {field} and {values}'),
      ),
    );
  for (const needed of ['field', 'values'])
    if (!names.includes(needed))
      issues.push(
        issue(
          [...at, 'path'],
          `the lookup path has no {${needed}} placeholder`,
          "the gateway looks rows up by any identity or reference field: write e.g. '?{field}={values}'",
        ),
      );
}

function checkWrite(
  collection: CollectionDef,
  operation: 'update' | 'delete',
  endpoint: HttpWriteEndpoint,
  at: MapPath,
  issues: DataMapIssue[],
): void {
  const allowed = operation === 'update' ? ['PATCH', 'PUT', 'POST'] : ['DELETE', 'POST'];
  if (!allowed.includes(endpoint.method))
    issues.push(
      issue(
        [...at, 'method'],
        `${operation} method must be one of: ${allowed.join(', ')} (got ${endpoint.method})`,
        `use ${allowed.join(', ')}`,
      ),
    );
  if (endpoint.batch && operation === 'update')
    issues.push(issue([...at, 'batch'], 'batch applies to delete only', 'remove batch'));
  if (endpoint.count !== undefined && !endpoint.batch)
    issues.push(issue([...at, 'count'], 'count applies to a batched delete only', 'remove count'));
  const names = placeholdersAt(endpoint.path, [...at, 'path'], issues);
  if (names === null) return;
  const keys = collection.primaryKey;
  if (endpoint.batch && operation === 'delete') {
    for (const name of names)
      issues.push(
        issue(
          [...at, 'path'],
          `unknown placeholder {${name}} in a batched ${operation} path`,
          'a batched call sends { keys: [...] } in its JSON body; remove the placeholder',
        ),
      );
    return;
  }
  const example = keys.map((k) => `{${k}}`).join(', ');
  for (const name of names.filter((n) => !keys.includes(n)))
    issues.push(
      issue(
        [...at, 'path'],
        `unknown placeholder {${name}} in the ${operation} path`,
        didYouMean(name, keys, `the path may use the primary key fields: ${example}`),
      ),
    );
  for (const key of keys.filter((k) => !names.includes(k)))
    issues.push(
      issue(
        [...at, 'path'],
        `the ${operation} path does not name primary key field {${key}}`,
        `add {${key}}: each call addresses one row by its primary key`,
      ),
    );
}

/** Erasure (SPEC §6) needs the write its mode implies; without it a request fails later. */
function checkErasureWrite(collection: CollectionDef, path: MapPath): DataMapIssue[] {
  const needed = collection.erasure === 'delete' ? 'delete' : 'update';
  if (collection.endpoints?.[needed]) return [];
  return [
    issue(
      [...path, 'endpoints'],
      `collection ${formatCollectionAddress(collection.address)} is erased by ${collection.erasure === 'delete' ? 'deleting rows' : 'rewriting rows'} but declares no ${needed} endpoint`,
      `add endpoints.${needed}, or erasure requests will fail for this collection`,
      'warning',
    ),
  ];
}

function checkHttpSource(system: SystemDef, issues: DataMapIssue[]): void {
  const source = system.source;
  if (source?.kind !== 'http') return;
  const at = [...systemPath(system.key), 'source'];
  // An unset `${VAR}` stays as written when validating without the deployment's environment.
  if (!source.baseUrl.includes('${') && !/^https?:\/\/[^/]/.test(source.baseUrl))
    issues.push(
      issue(
        [...at, 'baseUrl'],
        'baseUrl is not an http(s) URL',
        'write e.g. http://support.internal:8080',
      ),
    );
  if (source.health !== undefined && !source.health.startsWith('/'))
    issues.push(
      issue([...at, 'health'], "health must be a path starting with '/'", 'write e.g. /health'),
    );
}

export function checkEndpoints(map: DataMap): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  for (const system of map.systems) {
    checkHttpSource(system, issues);
    const http = system.source?.kind === 'http';
    for (const collection of system.collections) {
      const path = collectionPath(collection.address);
      if (!http) {
        if (collection.endpoints)
          issues.push(
            issue(
              [...path, 'endpoints'],
              `endpoints apply to HTTP sources only, and system '${system.key}' ${system.source ? `reads a ${system.source.kind} source` : 'has no source'}`,
              'remove endpoints:, or declare source: { kind: http, baseUrl: … }',
            ),
          );
        continue;
      }
      checkLookup(collection, path, issues);
      for (const operation of ['update', 'delete'] as const) {
        const endpoint = collection.endpoints?.[operation];
        if (endpoint)
          checkWrite(collection, operation, endpoint, [...path, 'endpoints', operation], issues);
      }
      if (collection.endpoints?.lookup) issues.push(...checkErasureWrite(collection, path));
    }
  }
  return issues;
}

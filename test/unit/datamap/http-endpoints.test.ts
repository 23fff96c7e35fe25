/** HTTP sources in the map (issue #4 item 2): endpoint declarations, defaults and checks. */
import type { MapSpec } from './harness';
import { baseMap, edit, edits, expectErrors, expectValid, problemsOf, warningsOf } from './harness';

const service = ['systems', 'support'];
const tickets = [...service, 'collections', 'tickets'];
const endpoints = [...tickets, 'endpoints'];

/** The base map plus a valid HTTP system with one collection. */
function httpMap(): MapSpec {
  return edit(
    service,
    {
      name: 'Support desk',
      source: {
        kind: 'http',
        baseUrl: 'http://support.internal:8080',
        headers: { authorization: '${SUPPORT_TOKEN:-}' },
        timeoutMs: 2000,
        health: '/health',
      },
      collections: {
        tickets: {
          primaryKey: ['id'],
          purposes: ['account_management'],
          endpoints: {
            lookup: {
              method: 'get',
              path: '/tickets?{field}={values}',
              rows: 'data.items',
              nextPage: 'next',
            },
            update: { method: 'PATCH', path: '/tickets/{id}' },
            delete: { method: 'DELETE', path: '/tickets/{id}' },
          },
          fields: {
            id: { type: 'bigint' },
            user_id: { type: 'bigint', references: 'accounts.users.id' },
            body: { type: 'string' },
          },
        },
      },
    },
    baseMap(),
  );
}

describe('HTTP sources', () => {
  it('reads a source and its endpoints, with defaults filled in', () => {
    const { map, warnings } = expectValid(httpMap());
    expect(warnings).toEqual([]);
    const system = map.systems.find((s) => s.key === 'support');
    expect(system?.source).toEqual({
      kind: 'http',
      baseUrl: 'http://support.internal:8080',
      headers: { authorization: '' },
      timeoutMs: 2000,
      health: '/health',
      retries: 2,
    });
    expect(system?.collections[0]?.endpoints).toEqual({
      lookup: {
        method: 'GET',
        path: '/tickets?{field}={values}',
        rows: 'data.items',
        nextPage: 'next',
        cursorParam: 'cursor',
      },
      update: { method: 'PATCH', path: '/tickets/{id}', batch: false, idempotent: false },
      delete: { method: 'DELETE', path: '/tickets/{id}', batch: false, idempotent: true },
    });
  });

  it('accepts a POST lookup and a batched delete', () => {
    const { map } = expectValid(
      edits(
        [
          [[...endpoints, 'lookup'], { method: 'POST', path: '/tickets/search', rows: 'items' }],
          [
            [...endpoints, 'delete'],
            { method: 'POST', path: '/tickets/erase', batch: true, count: 'deleted' },
          ],
        ],
        httpMap(),
      ),
    );
    expect(map.systems[2]?.collections[0]?.endpoints?.delete).toEqual({
      method: 'POST',
      path: '/tickets/erase',
      batch: true,
      idempotent: false,
      count: 'deleted',
    });
  });

  it('requires a lookup endpoint in every collection of an HTTP system', () => {
    expectErrors(edit(endpoints, undefined, httpMap()), [
      {
        path: 'systems.support.collections.tickets.endpoints',
        message: 'collection support.tickets declares no lookup endpoint',
        hint: "add endpoints: { lookup: { method: GET, path: '/tickets?{field}={values}', rows: items } }",
      },
    ]);
  });

  it('refuses endpoints outside an HTTP system', () => {
    expectErrors(
      edit(
        ['systems', 'accounts', 'collections', 'orders', 'endpoints'],
        { lookup: { path: '/orders?{field}={values}' } },
        httpMap(),
      ),
      [
        {
          path: 'systems.accounts.collections.orders.endpoints',
          message:
            "endpoints apply to HTTP sources only, and system 'accounts' reads a postgres source",
        },
      ],
    );
  });

  it.each([
    [
      '/tickets?{field}={values}&page={pge}',
      'unknown placeholder {pge} in the lookup path',
      'a GET lookup path may use {field} and {values}',
    ],
    [
      '/tickets?{feild}={values}',
      'unknown placeholder {feild} in the lookup path',
      'did you mean field?',
    ],
    ['/tickets?user_id={values}', 'the lookup path has no {field} placeholder', undefined],
    ['/tickets?{field}={vals}', 'the lookup path has no {values} placeholder', undefined],
    ['/tickets?{field}=', 'the lookup path has no {values} placeholder', undefined],
    ['/tickets?{field}={values', "'{' without '}' at character 18", undefined],
    ['tickets?{field}={values}', "path 'tickets?{field}={values}' must start with '/'", undefined],
    ['/t?{field}={values}&also={values}', 'placeholder {values} appears twice', undefined],
  ])('reports a bad lookup path %j', (path, message, hint) => {
    const problems = problemsOf(edit([...endpoints, 'lookup', 'path'], path, httpMap()));
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'systems.support.collections.tickets.endpoints.lookup.path',
        message,
        ...(hint ? { hint } : {}),
      }),
    );
  });

  it('refuses placeholders in a POST lookup path', () => {
    expectErrors(
      edit([...endpoints, 'lookup'], { method: 'POST', path: '/tickets/{field}' }, httpMap()),
      [{ message: 'unknown placeholder {field} in a POST lookup path' }],
    );
  });

  it('write paths name exactly the primary key', () => {
    expectErrors(
      edits(
        [
          [[...endpoints, 'update', 'path'], '/tickets/{ticket_id}'],
          [[...endpoints, 'delete', 'path'], '/tickets'],
        ],
        httpMap(),
      ),
      [
        {
          path: 'systems.support.collections.tickets.endpoints.update.path',
          message: 'unknown placeholder {ticket_id} in the update path',
          hint: 'the path may use the primary key fields: {id}',
        },
        {
          path: 'systems.support.collections.tickets.endpoints.update.path',
          message: 'the update path does not name primary key field {id}',
        },
        {
          path: 'systems.support.collections.tickets.endpoints.delete.path',
          message: 'the delete path does not name primary key field {id}',
        },
      ],
    );
  });

  it('refuses a method, batch or count that does not fit the operation', () => {
    expectErrors(
      edits(
        [
          [[...endpoints, 'update'], { method: 'DELETE', path: '/tickets/{id}', batch: true }],
          [[...endpoints, 'delete'], { method: 'PUT', path: '/tickets/{id}', count: 'n' }],
        ],
        httpMap(),
      ),
      [
        { message: 'update method must be one of: PATCH, PUT, POST (got DELETE)' },
        { message: 'batch applies to delete only' },
        { message: 'delete method must be one of: DELETE, POST (got PUT)' },
        { message: 'count applies to a batched delete only' },
      ],
    );
  });

  it('reports an unknown method or property in the map’s own words', () => {
    const problems = problemsOf(
      edits(
        [
          [[...endpoints, 'lookup', 'method'], 'FETCH'],
          [[...endpoints, 'lookup', 'row'], 'items'],
        ],
        httpMap(),
      ),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'systems.support.collections.tickets.endpoints.lookup.method',
        message: "method must be one of: GET, POST (got 'FETCH')",
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'systems.support.collections.tickets.endpoints.lookup.row',
        message: "unknown property 'row'",
        hint: 'did you mean rows?',
      }),
    );
  });

  it('checks the base URL and the health path', () => {
    expectErrors(
      edits(
        [
          [[...service, 'source', 'baseUrl'], 'support.internal:8080'],
          [[...service, 'source', 'health'], 'health'],
        ],
        httpMap(),
      ),
      [
        { path: 'systems.support.source.baseUrl', message: 'baseUrl is not an http(s) URL' },
        {
          path: 'systems.support.source.health',
          message: "health must be a path starting with '/'",
        },
      ],
    );
  });

  it('warns when the erasure mode has no endpoint to carry it out', () => {
    const warnings = warningsOf(edit([...endpoints, 'delete'], undefined, httpMap()));
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'systems.support.collections.tickets.endpoints',
        message:
          'collection support.tickets is erased by deleting rows but declares no delete endpoint',
        severity: 'warning',
      }),
    ]);
  });
});

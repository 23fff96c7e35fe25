/**
 * The service's HTTP API, the same for every resource it serves (the demo map declares
 * it for `consultations`, seeds/demo/datamap.yaml):
 *
 *   GET    /health                                    200 { ok: true } when storage answers
 *   GET    /{name}?{attr}={v1},{v2}[&limit=][&cursor=]   200 { items: [...], next: cursor|null }
 *   PATCH  /{name}/{key} or /{name}/by/{attr}/{value}   { attr: value, … }      200 / 404
 *   DELETE /{name}/{key} or /{name}/by/{attr}/{value}                          204 / 404
 *   POST   /{name}/delete   { keys: [{ attr: value }, …] }                   200 { deleted }
 *
 * A filter's values are comma-separated, each percent-encoded on its own (a value may hold
 * a comma), so the query is split *before* it is decoded. Errors say what is wrong with the
 * request; they never echo a value nor expose the storage's messages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceStore, Row } from './resource-store';

export interface ApiOptions {
  readonly resources: ReadonlyMap<string, ResourceStore>;
  readonly ping: () => Promise<void>;
  /** Page size when the client names none, and the largest it may ask for. */
  readonly pageSize: number;
  /** The exact `authorization` header required; none: open (it listens on loopback). */
  readonly authorization?: string;
}

type Reply = { status: number; body?: unknown };

const bad = (error: string): Reply => ({ status: 400, body: { error } });

export async function handleRequest(
  options: ApiOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let reply: Reply;
  try {
    reply = await route(options, req);
  } catch (error) {
    reply =
      error instanceof URIError
        ? bad('malformed percent-encoding')
        : { status: 500, body: { error: 'internal error' } };
  }
  res.statusCode = reply.status;
  if (reply.body === undefined) return void res.end();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(reply.body));
}

async function route(options: ApiOptions, req: IncomingMessage): Promise<Reply> {
  if (options.authorization && req.headers.authorization !== options.authorization)
    return { status: 401, body: { error: 'missing or wrong authorization' } };
  const [path = '', query = ''] = (req.url ?? '').split('?', 2);
  const [, name = '', ...rest] = path.split('/').map(decodeURIComponent);
  if (name === 'health' && rest.length === 0) {
    await options.ping();
    return { status: 200, body: { ok: true } };
  }
  const store = options.resources.get(name);
  if (!store) return { status: 404, body: { error: 'no such resource' } };
  if (rest.length === 0)
    return req.method === 'GET' ? list(options, store, query) : { status: 405 };
  if (rest.length === 1 && rest[0] === 'delete' && req.method === 'POST')
    return deleteMany(store, await readJson(req));
  const [attribute, value] =
    rest.length === 1 ? [store.spec.key, rest[0]] : rest[0] === 'by' ? [rest[1], rest[2]] : [];
  if (
    attribute === undefined ||
    value === undefined ||
    rest.length > 3 ||
    !store.attribute(attribute)
  )
    return { status: 404, body: { error: 'no such resource' } };
  if (req.method === 'DELETE')
    return (await store.delete(attribute, [value])) > 0 ? { status: 204 } : { status: 404 };
  if (req.method !== 'PATCH') return { status: 405 };
  const changes = await readJson(req);
  if (!isObject(changes)) return bad('the body must be a JSON object');
  const refused = Object.keys(changes).filter((key) => !store.attribute(key)?.writable);
  if (refused.length > 0) return bad(`attributes that cannot be changed: ${refused.join(', ')}`);
  const updated = await store.update(attribute, value, changes);
  return updated > 0 ? { status: 200, body: { updated } } : { status: 404 };
}

async function list(options: ApiOptions, store: ResourceStore, query: string): Promise<Reply> {
  const params = new Map<string, string>();
  for (const pair of query.split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    params.set(
      decodeURIComponent(at < 0 ? pair : pair.slice(0, at)),
      at < 0 ? '' : pair.slice(at + 1),
    );
  }
  const filters = [...params.keys()].filter((key) => key !== 'limit' && key !== 'cursor');
  const [attribute] = filters;
  if (attribute === undefined || filters.length > 1 || !store.attribute(attribute)?.match)
    return bad('filter by exactly one filterable attribute');
  const values = (params.get(attribute) ?? '').split(',').filter(Boolean).map(decodeURIComponent);
  const asked = Number(decodeURIComponent(params.get('limit') ?? ''));
  const limit =
    Number.isInteger(asked) && asked > 0 ? Math.min(asked, options.pageSize) : options.pageSize;
  const cursor = params.has('cursor') ? decodeURIComponent(params.get('cursor') ?? '') : null;
  const rows = await store.find(attribute, values, cursor || null, limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next = rows.length > limit && last ? String(last[store.spec.key]) : null;
  return { status: 200, body: { items, next } };
}

async function deleteMany(store: ResourceStore, body: unknown): Promise<Reply> {
  const keys = isObject(body) && Array.isArray(body.keys) ? (body.keys as unknown[]) : null;
  if (!keys || !keys.every(isObject))
    return bad('the body must be { keys: [{ attribute: value }] }');
  const names = new Set(keys.flatMap((key) => Object.keys(key as Row)));
  const [attribute] = names;
  if (keys.length === 0) return { status: 200, body: { deleted: 0 } };
  if (names.size !== 1 || attribute === undefined || !store.attribute(attribute))
    return bad('every key must name the same one attribute');
  const values = keys.map((key) => String((key as Row)[attribute]));
  return { status: 200, body: { deleted: await store.delete(attribute, values) } };
}

function isObject(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const MAX_BODY = 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

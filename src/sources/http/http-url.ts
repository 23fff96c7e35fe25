/**
 * URLs of HTTP endpoints from the map's path templates. Every value is encoded with
 * `encodeURIComponent`, so `+`, `,`, `&`, `#` and non-ASCII reach the service as the
 * characters they are (a `+` left bare would arrive as a space in a query string); the
 * commas joining a lookup's values are the only unencoded separators.
 */
import type { TemplatePart } from '../../core/datamap/path-template';
import { parsePathTemplate } from '../../core/datamap/path-template';

/** Request lines longer than about this are refused by common servers and proxies, so a
 * lookup with many values is split into several calls (each one counted, SPEC §5). */
export const MAX_URL_LENGTH = 2000;

/** The map was validated, so a template that does not parse is a bug, not a user error. */
export function templateParts(path: string): readonly TemplatePart[] {
  const parsed = parsePathTemplate(path);
  if (!parsed.ok) throw new Error(`invalid path template: ${parsed.error}`);
  return parsed.parts;
}

/** `baseUrl` may carry a path prefix (`https://host/api`): the endpoint's path follows it. */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

/** Fills placeholders with text that is already encoded. */
function fillEncoded(parts: readonly TemplatePart[], encoded: Readonly<Record<string, string>>) {
  return parts
    .map((part) => (part.kind === 'literal' ? part.text : (encoded[part.name] ?? '')))
    .join('');
}

/** A write's path: each placeholder is a primary-key field, filled with its value. */
export function fillPath(parts: readonly TemplatePart[], values: Readonly<Record<string, string>>) {
  const encoded = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, encodeURIComponent(value)]),
  );
  return fillEncoded(parts, encoded);
}

export interface LookupChunk {
  readonly url: string;
  readonly values: readonly string[];
}

/** GET lookup URLs for `values`, as few as fit under `maxLength` (a single value longer
 * than that still gets its own call: the limit is a courtesy, not a rule). */
export function lookupUrls(
  baseUrl: string,
  parts: readonly TemplatePart[],
  column: string,
  values: readonly string[],
  maxLength = MAX_URL_LENGTH,
): LookupChunk[] {
  const field = encodeURIComponent(column);
  const build = (encoded: readonly string[]) =>
    joinUrl(baseUrl, fillEncoded(parts, { field, values: encoded.join(',') }));
  const fixed = build([]).length;
  const chunks: LookupChunk[] = [];
  let encoded: string[] = [];
  let raw: string[] = [];
  let length = fixed;
  for (const value of values) {
    const next = encodeURIComponent(value);
    const added = next.length + (encoded.length > 0 ? 1 : 0);
    if (encoded.length > 0 && length + added > maxLength) {
      chunks.push({ url: build(encoded), values: raw });
      encoded = [];
      raw = [];
      length = fixed;
    }
    length += next.length + (encoded.length > 0 ? 1 : 0);
    encoded.push(next);
    raw.push(value);
  }
  if (encoded.length > 0) chunks.push({ url: build(encoded), values: raw });
  return chunks;
}

/** Adds one query parameter (a page cursor) to a URL that may already have a query. */
export function withQueryParam(url: string, name: string, value: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}

/** The value at a dotted path of a JSON body (`data.items`); the body itself for none. */
export function valueAtPath(body: unknown, path: string | undefined): unknown {
  if (path === undefined) return body;
  let value = body;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  }
  return value;
}

/**
 * The access package's bytes and content hash (SPEC §6: "its content hash recorded"). The
 * text is canonical JSON (`json-value.ts`, RFC 8785), so the hash names the content, not the
 * order a traversal happened to find things in; a downloaded package is checked against the
 * hash stored on the request.
 */
import { createHash } from 'node:crypto';
import type { AccessPackage } from './access-package';
import { canonicalJson } from './json-value';

export interface SerializedPackage {
  /** Canonical JSON, UTF-8 when stored. */
  readonly json: string;
  /** SHA-256 of the UTF-8 bytes of `json`, lower-case hex. */
  readonly contentHash: string;
}

export function serializePackage(pkg: AccessPackage): SerializedPackage {
  const json = canonicalJson(pkg);
  return { json, contentHash: packageContentHash(json) };
}

export function packageContentHash(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

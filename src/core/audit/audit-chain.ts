/**
 * The audit trail's hash chain (SPEC §7: "append-only and hash-chained with a key kept
 * outside the store (HMAC)"): each event's link is HMAC-SHA-256 over its position, the
 * previous link and its content. Whoever can write the table but does not hold the key
 * cannot edit, insert, delete or reorder an event without breaking every later link — and a
 * cut-off tail is caught by the signed checkpoints kept outside the database
 * (`audit-checkpoint.ts`).
 */
import { createHmac } from 'node:crypto';
import { canonicalJson } from '../requests/json-value';
import type { AuditEventContent, ChainedEvent } from './audit-event';

/** The link before the first event. */
export const GENESIS = '0'.repeat(64);

export function serializeEvent(content: AuditEventContent): string {
  return canonicalJson(content);
}

export function linkHash(key: Buffer, position: number, prevHash: string, content: string): string {
  return createHmac('sha256', key)
    .update(`${position}\u0000${prevHash}\u0000`, 'utf8')
    .update(content, 'utf8')
    .digest('hex');
}

/** Chains `contents` after the event at `last` (position 0 and GENESIS for an empty log). */
export function chainEvents(
  key: Buffer,
  last: { readonly position: number; readonly hash: string },
  contents: readonly AuditEventContent[],
): ChainedEvent[] {
  let { position, hash } = last;
  return contents.map((content) => {
    const text = serializeEvent(content);
    position += 1;
    const prevHash = hash;
    hash = linkHash(key, position, prevHash, text);
    return { position, content: text, prevHash, hash };
  });
}

export interface BrokenLink {
  /** The first position whose event is not what the chain says. */
  readonly position: number;
  readonly problem: 'edited' | 'missing' | 'inserted-or-reordered' | 'truncated' | 'unreadable';
  readonly detail: string;
}

export interface ChainCheck {
  /** Events checked (the whole log, or from `from`). */
  readonly checked: number;
  /** The last position and link, to continue a paged verification. */
  readonly last: { readonly position: number; readonly hash: string };
  readonly broken?: BrokenLink;
}

/**
 * Checks a run of events in position order, continuing from `from` (the previous page's
 * `last`, or position 0 / GENESIS). Stops at the first broken link and says what it is:
 * a position gap (`missing`), a link that does not follow the previous one (an event
 * inserted, moved or deleted with renumbering), or content that does not match its MAC.
 */
export function verifyChain(
  key: Buffer,
  events: readonly ChainedEvent[],
  from: { readonly position: number; readonly hash: string } = { position: 0, hash: GENESIS },
): ChainCheck {
  let last = from;
  let checked = 0;
  for (const event of events) {
    const expected = last.position + 1;
    if (event.position !== expected)
      return {
        checked,
        last,
        broken: {
          position: Math.min(event.position, expected),
          problem: event.position > expected ? 'missing' : 'inserted-or-reordered',
          detail: `expected position ${expected}, found ${event.position}`,
        },
      };
    if (event.prevHash !== last.hash)
      return {
        checked,
        last,
        broken: {
          position: event.position,
          problem: 'inserted-or-reordered',
          detail: `event ${event.position} does not follow event ${last.position}`,
        },
      };
    if (linkHash(key, event.position, event.prevHash, event.content) !== event.hash)
      return {
        checked,
        last,
        broken: {
          position: event.position,
          problem: 'edited',
          detail: `event ${event.position}'s content or link does not match its MAC`,
        },
      };
    last = { position: event.position, hash: event.hash };
    checked += 1;
  }
  return { checked, last };
}

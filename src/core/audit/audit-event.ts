/**
 * An audit event (SPEC §7; issue #6): who, in which role, for which purpose, touched which
 * data subject's data — named by keyed hashes of their canonical identities, never a raw
 * identity — at which coordinates with which decisions, under which policy and data map.
 * Never a personal value: counts, coordinates, decisions, systems, reasons.
 *
 * Glossary
 * - kind: `read` (a GraphQL operation read personal data), `reidentify` (a token reversed),
 *   `write` (an erasure or correction changed a source), `request` (a rights request moved),
 *   `policy` / `datamap` (a new version was loaded).
 * - position: the event's place in the one chain of the store, from 1, without gaps.
 */
export type AuditKind = 'read' | 'reidentify' | 'write' | 'request' | 'policy' | 'datamap';

export interface AuditCoordinate {
  readonly coordinate: string;
  readonly effect: 'allow' | 'deny' | 'transform';
  readonly method?: string;
  readonly reason: string;
}

export interface AuditEventContent {
  readonly kind: AuditKind;
  /** ISO instant. */
  readonly at: string;
  /** The token's subject (an app or a person), or the process for system events. */
  readonly actor: string;
  readonly role?: string;
  readonly purpose?: string;
  /** Keyed hashes of the data subject's canonical identities (src/core/identity/subject-key). */
  readonly subjectKeys: readonly string[];
  readonly coordinates: readonly AuditCoordinate[];
  /** The GraphQL operation's id or the rights request's id. */
  readonly requestId?: string;
  readonly policyVersion?: string;
  readonly dataMapVersion?: string;
  /** Non-personal particulars: a system, counts, a status, an operation name. */
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

/** An event as stored: its content, exactly as serialised, and its link in the chain. */
export interface ChainedEvent {
  readonly position: number;
  /** Canonical JSON of the content: what the link's MAC covers, byte for byte. */
  readonly content: string;
  readonly prevHash: string;
  readonly hash: string;
}

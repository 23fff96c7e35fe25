/**
 * What the rights-request service runs on: the store, the map and its traversal graph, the
 * sources, the policy, the keys, the calendar and a clock. Built once per gateway (and by
 * tests and the CLI) — resolvers and workers never reach for globals.
 */
import type { DataSource } from 'typeorm';
import type { AuditEventContent } from '../core/audit/audit-event';
import type { HolidayCalendar } from '../core/calendar/model';
import type { DataMap } from '../core/datamap/model';
import type { DeidentifyKeys } from '../core/deidentify/keys';
import type { Policy } from '../core/policy/model';
import type { TraversalGraph } from '../core/traversal/traversal-graph';
import type { SourceRegistry } from '../graph/source-registry';
import type { TableDescription } from '../sources/connector';

export interface RequestsRuntime {
  readonly store: DataSource;
  readonly map: DataMap;
  readonly traversal: TraversalGraph;
  readonly sources: SourceRegistry;
  /** Column types and nullability, by system (start-up's source check). */
  readonly descriptions: ReadonlyMap<string, readonly TableDescription[]>;
  readonly policy: Policy;
  /** `hashKey` names subjects in the store; `sealKey` encrypts what identifies them there;
   * `deidentify` rewrites fields with `mask`/`hash` during erasure. */
  readonly keys: {
    readonly hashKey: Buffer;
    readonly sealKey: Buffer;
    readonly deidentify: DeidentifyKeys;
  };
  readonly calendar: HolidayCalendar;
  readonly now: () => Date;
  /** How long an export package can be downloaded. */
  readonly exportTtlMs: number;
  readonly maxRounds?: number;
  readonly log: (line: string) => void;
  /** Durably records audit events (src/audit, group commit): every transition of a request
   * and every write to a source (SPEC §7; `audit-request.ts`). Absent: none are recorded. */
  readonly audit?: (events: readonly AuditEventContent[]) => Promise<void>;
}

/** Who acts: the token's subject and role (recorded on every request and event). */
export interface Actor {
  readonly subject: string;
  readonly role: string;
}

export type RequestErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

/** A request the service refuses, with what to do instead; the control plane maps `code`
 * to the GraphQL error taxonomy, the CLI prints the message. Never carries personal values. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(
    readonly code: RequestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the control plane's resolvers read from the GraphQL context. Resolvers never reach
 * for a global: the gateway puts the map it runs on here, so a reload (a new `DataMap`)
 * is picked up by the next request, and tests can serve any map.
 */
import type { DataSource } from 'typeorm';
import type { Principal } from '../access/request-access';
import type { CheckpointSink } from '../audit';
import type { DataMap } from '../core/datamap/model';
import type { Policy } from '../core/policy/model';
import type { GraphModel } from '../graph/graph-model';
import type { RequestsRuntime } from '../requests';

export interface ControlContext {
  /** The validated map the gateway serves. */
  readonly dataMap: DataMap;
  /** The subject graph generated from the same map, so the catalogue can name its types;
   * absent where no subject graph was built (the catalogue then names none). */
  readonly subjectGraph?: GraphModel;
  /** The rights-request service (SPEC §6); absent on a gateway that serves none, where every
   * request operation is refused. */
  readonly requests?: RequestsRuntime;
  /** The policy whose `may:` lists decide who may call which control-plane operation;
   * absent: nobody may call any that needs a capability (deny by default). */
  readonly policy?: Policy;
  /** The audit trail to query and verify (SPEC §7); absent on a gateway that keeps none,
   * where the audit operations are refused. */
  readonly audit?: ControlAudit;
}

/** What the audit operations read: the store holding the chain, the chain's key (kept
 * outside the store) and the checkpoints signed outside the database. */
export interface ControlAudit {
  readonly store: DataSource;
  readonly chainKey: Buffer;
  readonly checkpoints?: CheckpointSink;
}

/** The slice of the gateway's per-request context the control plane owns, and the caller it
 * reads (set by the HTTP front from a verified token; absent: unauthenticated). A new object
 * per request: the control plane's loaders are keyed by it (`request-loaders.ts`). */
export interface ControlPlaneContext {
  readonly control: ControlContext;
  readonly principal?: Principal;
}

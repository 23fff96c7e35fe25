/**
 * What the control plane's resolvers read from the GraphQL context. Resolvers never reach
 * for a global: the gateway puts the map it runs on here, so a reload (a new `DataMap`)
 * is picked up by the next request, and tests can serve any map.
 */
import type { DataMap } from '../core/datamap/model';
import type { GraphModel } from '../graph/graph-model';

export interface ControlContext {
  /** The validated map the gateway serves. */
  readonly dataMap: DataMap;
  /** The subject graph generated from the same map, so the catalogue can name its types;
   * absent where no subject graph was built (the catalogue then names none). */
  readonly subjectGraph?: GraphModel;
}

/** The slice of the gateway's per-request context the control plane owns. */
export interface ControlPlaneContext {
  readonly control: ControlContext;
}

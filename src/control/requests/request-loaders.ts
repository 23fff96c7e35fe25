/**
 * Per-request loaders of the control plane (STYLE.md §4, after DataLoader: created per
 * request, never shared): the tasks of every request a query lists are read in one
 * statement (`listTasksOf`), not one per request. Keyed by the GraphQL context object,
 * which Apollo creates anew for each operation, so nothing is cached across operations.
 */
import DataLoader from 'dataloader';
import type { RequestsRuntime } from '../../requests';
import type { RequestEventRecord, TaskRecord } from '../../store';
import { listRequestEvents, listTasksOf } from '../../store';
import type { ControlPlaneContext } from '../control-context';

export interface RequestLoaders {
  readonly tasks: DataLoader<string, readonly TaskRecord[]>;
  /** One statement per request (the store reads one history at a time); deduplicated, and
   * run concurrently. Histories are asked for one request at a time in practice. */
  readonly events: DataLoader<string, readonly RequestEventRecord[]>;
}

const loaders = new WeakMap<ControlPlaneContext, RequestLoaders>();

export function requestLoadersOf(
  context: ControlPlaneContext,
  rt: RequestsRuntime,
): RequestLoaders {
  let found = loaders.get(context);
  if (!found) {
    found = {
      tasks: new DataLoader(async (ids) => {
        const byRequest = await listTasksOf(rt.store, ids);
        return ids.map((id) => byRequest.get(id) ?? []);
      }),
      events: new DataLoader(async (ids) =>
        Promise.all(ids.map((id) => listRequestEvents(rt.store, id))),
      ),
    };
    loaders.set(context, found);
  }
  return found;
}

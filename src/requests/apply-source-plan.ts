/**
 * Runs one source's steps of an erasure or correction plan in ONE transaction of that source
 * (SPEC §6), in the plan's order (referencing rows first). Every step is idempotent — a
 * delete by primary key deletes nothing the second time, a rewrite sets values fixed in the
 * plan — so a task that ran partly before a crash simply runs again from the first step.
 * An HTTP service has no transactions: its calls run in order (docs/http-sources.md).
 * A step the source's constraints refuse fails the task with a `SourceConstraintError` naming
 * the collection (permanent: the worker does not retry it); any other failure is the source
 * being unavailable (retried).
 */
import type { SourcePlan } from '../core/requests/model';
import type { TraversalGraph } from '../core/traversal/traversal-graph';
import type { SourceRegistry } from '../graph/source-registry';
import { SourceUnavailableError } from '../sources/connector';
import { SourceConstraintError } from '../sources/source-constraint-error';

export interface AppliedCounts {
  readonly deleted: number;
  readonly rewritten: number;
  readonly steps: number;
}

export async function applySourcePlan(
  traversal: TraversalGraph,
  sources: SourceRegistry,
  plan: SourcePlan,
  /** Called before the transaction commits: throws to roll back (a worker that lost its
   * lease must not commit). Must not touch the store (PGlite: no other connection while a
   * transaction is open). */
  beforeCommit: () => void | Promise<void> = () => undefined,
): Promise<AppliedCounts> {
  const connector = sources.get(plan.system);
  if (!connector)
    throw new SourceUnavailableError(plan.system, new Error('the data map has no source for it'));
  const collectionOf = (address: string) => {
    const node = traversal.nodes.get(address);
    if (!node || node.system.key !== plan.system)
      throw new Error(`plan step names ${address}, which is not a collection of "${plan.system}"`);
    return node.def;
  };
  try {
    return await connector.transaction(async (tx) => {
      let deleted = 0;
      let rewritten = 0;
      for (const step of plan.steps) {
        const collection = collectionOf(step.collection);
        try {
          if (step.kind === 'delete') deleted += await tx.delete(collection, step.keys);
          else rewritten += await tx.update(collection, step.key, step.set);
        } catch (error) {
          throw error instanceof SourceConstraintError ? error.in(step.collection) : error;
        }
      }
      await beforeCommit();
      return { deleted, rewritten, steps: plan.steps.length };
    });
  } catch (error) {
    throw error instanceof SourceUnavailableError || error instanceof SourceConstraintError
      ? error
      : new SourceUnavailableError(plan.system, error);
  }
}

/** Builds an erasure plan for someone in the test world, and applies plans to its tables
 * the way the executor will (delete by key, rewrite fields by key). */
import { findOtherOwners } from '../../../src/core/requests/find-other-owners';
import { findReferencingRows } from '../../../src/core/requests/find-referencing-rows';
import type { ColumnFacts } from '../../../src/core/requests/erasure-targets';
import type { ErasurePlan, LegalHold, RowKeyValues } from '../../../src/core/requests/model';
import type { PlanErasureInput } from '../../../src/core/requests/plan-erasure';
import { planErasure } from '../../../src/core/requests/plan-erasure';
import type { RandomToken } from '../../../src/core/requests/random-text';
import { rowKey } from '../../../src/core/traversal/row-key';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import type { TraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { KEYS } from '../deidentify/keys';
import type { Tables } from './world';
import { findPerson, memoryLookup } from './world';

export const NOW = new Date('2025-06-01T00:00:00Z');

/** `tok0000000000000001`, `tok0000000000000002`, … */
export function counterRandom(): RandomToken {
  let n = 0;
  return () => `tok${String(++n).padStart(16, '0')}`;
}

export interface PlanOptions {
  readonly holds?: readonly LegalHold[];
  readonly columns?: ColumnFacts;
  readonly person?: SubjectGraph;
}

export async function planFor(
  graph: TraversalGraph,
  tables: Tables,
  uid: string,
  options: PlanOptions = {},
): Promise<{ plan: ErasurePlan; input: PlanErasureInput }> {
  const person = options.person ?? (await findPerson(graph, tables, 'uid', uid));
  const input: PlanErasureInput = {
    graph,
    person,
    shared: await findOtherOwners(graph, person, memoryLookup(tables).lookup),
    referenced: await findReferencingRows(graph, person, memoryLookup(tables).lookup),
    holds: options.holds ?? [],
    subjectKeys: [`uid:${uid}`],
    now: NOW,
    columns: options.columns ?? (() => undefined),
    keys: KEYS,
    random: counterRandom(),
  };
  return { plan: planErasure(input), input };
}

const sameKey = (row: Record<string, unknown>, key: RowKeyValues): boolean =>
  Object.entries(key).every(([field, value]) => String(row[field]) === String(value));

/** What the executor does, in memory: every step of every source, in order. */
export function applyPlan(tables: Tables, plan: ErasurePlan): Tables {
  const next: Tables = Object.fromEntries(
    Object.entries(tables).map(([address, rows]) => [address, rows.map((row) => ({ ...row }))]),
  );
  for (const source of plan.sources) {
    for (const step of source.steps) {
      const rows = next[step.collection] ?? [];
      if (step.kind === 'delete')
        next[step.collection] = rows.filter((row) => !step.keys.some((key) => sameKey(row, key)));
      else
        next[step.collection] = rows.map((row) =>
          sameKey(row, step.key) ? { ...row, ...step.set } : row,
        );
    }
  }
  return next;
}

/** `collection key` of every step's rows, in order, for compact expectations. */
export function stepSummary(plan: ErasurePlan): string[] {
  return plan.sources.flatMap((source) =>
    source.steps.map((step) =>
      step.kind === 'delete'
        ? `delete ${step.collection} ${step.keys.map((key) => Object.values(key).join('/')).join(',')}`
        : `rewrite ${step.collection} ${Object.values(step.key).join('/')} ${Object.keys(step.set).join(',')}`,
    ),
  );
}

/** The person's rows as they are now (deleted rows gone), as a rereading traversal sees them. */
export function rereadPerson(
  graph: TraversalGraph,
  person: SubjectGraph,
  tables: Tables,
): SubjectGraph {
  const rows = new Map(
    [...person.rows].map(([address, found]) => {
      const def = graph.nodes.get(address)!.def;
      const current = new Map((tables[address] ?? []).map((row) => [rowKey(def, row), row]));
      return [
        address,
        found.flatMap((old) => {
          const row = current.get(old.key);
          return row ? [{ ...old, row }] : [];
        }),
      ];
    }),
  );
  return { ...person, rows };
}

/**
 * The order of one source's steps (SPEC §6: "referencing rows before referenced rows
 * (children first), within one source in one transaction … self-referencing collections are
 * ordered too"). A row comes before every row of the same source it references through any
 * reference of the map (a foreign key fails whichever way the map follows it), by the values
 * it holds before the plan runs; rows of a self-referencing collection are ordered among
 * themselves the same way (a reply before the comment it answers).
 *
 * Rows are released in rounds: of the rows nothing still waits on, those of the first
 * collection (in map order) go next — deletes of one collection as one batched step, each
 * rewrite as its own step. A cycle of references is broken at its first row (collection
 * order, then key) and noted: whether the source accepts that depends on how it enforces the
 * reference, which the DPO should know before approving. Deterministic for the same input.
 */
import { formatCollectionAddress } from '../datamap/model';
import { valueText } from '../identity/canonical';
import type { ErasureStep } from './model';
import { compareRowKeys } from './person-rows';
import type { PlannedRow } from './planned-row';
import { rowLabel } from './planned-row';
import { rowKeyValues } from './row-key-values';

interface Waiting {
  readonly planned: PlannedRow;
  readonly rank: number;
  /** Rows that reference this one and must go first. */
  readonly referrers: Set<Waiting>;
  /** Rows this one references: they wait for it. */
  readonly referenced: Set<Waiting>;
}

export interface OrderedSteps {
  readonly steps: ErasureStep[];
  readonly notes: string[];
}

/** `rows`: the source's rows to delete or rewrite; `rank`: collection address → map order. */
export function orderSourceSteps(
  rows: readonly PlannedRow[],
  rank: ReadonlyMap<string, number>,
): OrderedSteps {
  const waiting = rows.map((planned) => ({
    planned,
    rank: rank.get(planned.node.address) ?? 0,
    referrers: new Set<Waiting>(),
    referenced: new Set<Waiting>(),
  }));
  linkReferences(waiting);
  const before = (a: Waiting, b: Waiting): boolean =>
    a.rank !== b.rank ? a.rank < b.rank : compareRowKeys(a.planned.key, b.planned.key) < 0;
  const remaining = new Set(waiting);
  const steps: ErasureStep[] = [];
  const notes: string[] = [];
  while (remaining.size > 0) {
    let ready = [...remaining].filter((row) => row.referrers.size === 0);
    if (ready.length === 0) {
      const first = firstOnCycle(remaining, before);
      notes.push(
        `reference cycle: ${rowLabel(first.planned)} is erased before ${[...first.referrers].map((r) => rowLabel(r.planned)).join(', ')}, which reference it`,
      );
      ready = [first];
    }
    const rankNext = Math.min(...ready.map((row) => row.rank));
    const batch = ready
      .filter((row) => row.rank === rankNext)
      .sort((a, b) => (before(a, b) ? -1 : 1));
    steps.push(...stepsOf(batch.map((row) => row.planned)));
    for (const row of batch) {
      remaining.delete(row);
      for (const target of row.referenced) target.referrers.delete(row);
    }
  }
  return { steps, notes };
}

function linkReferences(waiting: readonly Waiting[]): void {
  const byValue = new Map<string, Waiting[]>();
  const index = (address: string, field: string, value: string): string =>
    `${address}\u0000${field}\u0000${value}`;
  for (const row of waiting) {
    for (const field of row.planned.node.def.fields) {
      const value = valueText(row.planned.row[field.key]);
      if (value === null) continue;
      const id = index(row.planned.node.address, field.key, value);
      byValue.set(id, [...(byValue.get(id) ?? []), row]);
    }
  }
  for (const row of waiting) {
    for (const field of row.planned.node.def.fields) {
      if (!field.references) continue;
      const value = valueText(row.planned.row[field.key]);
      if (value === null) continue;
      const target = formatCollectionAddress(field.references);
      for (const parent of byValue.get(index(target, field.references.field, value)) ?? []) {
        if (parent === row) continue; // a row pointing at itself goes in one statement
        parent.referrers.add(row);
        row.referenced.add(parent);
      }
    }
  }
}

/** Follow "who must go first" from the first remaining row until a row repeats: it is on a
 * cycle (every remaining row waits on one). */
function firstOnCycle(
  remaining: Set<Waiting>,
  before: (a: Waiting, b: Waiting) => boolean,
): Waiting {
  const earliest = (rows: Iterable<Waiting>): Waiting =>
    [...rows].reduce((best, row) => (before(row, best) ? row : best));
  const seen = new Set<Waiting>();
  let row = earliest(remaining);
  while (!seen.has(row)) {
    seen.add(row);
    row = earliest(row.referrers);
  }
  return row;
}

function stepsOf(batch: readonly PlannedRow[]): ErasureStep[] {
  const steps: ErasureStep[] = [];
  const deletes = batch.filter((row) => row.fate.kind === 'delete');
  const [first] = deletes;
  if (first) {
    const keys = deletes.map((row) => rowKeyValues(first.node.def, row.row));
    steps.push({ kind: 'delete', collection: first.node.address, keys });
  }
  for (const row of batch) {
    if (row.fate.kind !== 'rewrite') continue;
    steps.push({
      kind: 'rewrite',
      collection: row.node.address,
      key: rowKeyValues(row.node.def, row.row),
      set: row.fate.targets.set,
      strategies: row.fate.targets.strategies,
    });
  }
  return steps;
}

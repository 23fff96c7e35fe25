/**
 * Verification of an executed erasure (SPEC §6: "verified: after execution the access
 * traversal runs again; the request completes only when nothing non-exempt is left, and
 * records what it counted"). Pure: the caller runs the new traversal and re-reads the
 * rewritten rows by key (a rewritten row usually cannot be found by traversal any more —
 * its identities were erased — yet its values must still be checked).
 *
 * A row found again is fine only when the plan kept it (exempt, shared) or rewrote it and its
 * fields now hold the recorded targets. A row the plan deleted, a rewrite that did not land,
 * or a row the plan never saw (written after it was made) remains. A source that did not
 * answer, or a traversal cut short, leaves the erasure unverified: the request must not
 * complete on what could not be looked at.
 */
import type { SubjectGraph } from '../traversal/subject-graph';
import type { SourceRow } from '../traversal/source-row';
import type { TraversalGraph } from '../traversal/traversal-graph';
import { valueText } from '../identity/canonical';
import { rowKey } from '../traversal/row-key';
import type { ErasurePlan, RowKeyValues } from './model';
import { compareRowKeys, sortedRows } from './person-rows';
import { rowKeyOfValues, rowKeyValues } from './row-key-values';

export interface VerifyErasureInput {
  readonly graph: TraversalGraph;
  readonly plan: ErasurePlan;
  /** The person found by a new traversal after execution, every field read. */
  readonly found: SubjectGraph;
  /** The plan's rewritten and unchanged rows re-read by key: collection address → rows. */
  readonly reread: ReadonlyMap<string, readonly SourceRow[]>;
}

export interface RemainingRow {
  readonly collection: string;
  readonly key: RowKeyValues;
  readonly why: string;
}

export interface ErasureVerification {
  readonly remaining: readonly RemainingRow[];
  readonly counts: {
    readonly deleted: number;
    readonly rewritten: number;
    readonly unchanged: number;
    readonly exempt: number;
    readonly shared: number;
    readonly remaining: number;
  };
  /** Why the check could not look everywhere; the request must not complete while non-empty. */
  readonly unverified: readonly string[];
}

type Expected =
  | { readonly kind: 'kept' }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'targets'; readonly values: Readonly<Record<string, string | null>> };

export function verifyErasure(input: VerifyErasureInput): ErasureVerification {
  const { graph, plan } = input;
  const expected = expectations(input);
  const remaining = new Map<string, Map<string, RemainingRow>>();
  const check = (address: string, row: SourceRow): void => {
    const def = graph.nodes.get(address)?.def;
    if (!def) return;
    const key = rowKey(def, row);
    const want = expected.get(address)?.get(key);
    const why = reasonRemaining(want, row);
    if (why === undefined || remaining.get(address)?.has(key)) return;
    const rows = remaining.get(address) ?? new Map<string, RemainingRow>();
    rows.set(key, { collection: address, key: rowKeyValues(def, row), why });
    remaining.set(address, rows);
  };
  for (const [address, rows] of input.reread) for (const row of rows) check(address, row);
  for (const [address, rows] of input.found.rows)
    for (const { row } of sortedRows(rows)) check(address, row);

  const ordered = [...graph.nodes.keys()].flatMap((address) =>
    [...(remaining.get(address) ?? [])].sort(([a], [b]) => compareRowKeys(a, b)).map(([, r]) => r),
  );
  const steps = plan.sources.flatMap((source) => source.steps);
  return {
    remaining: ordered,
    counts: {
      deleted: steps.reduce((n, step) => n + (step.kind === 'delete' ? step.keys.length : 0), 0),
      rewritten: steps.filter((step) => step.kind === 'rewrite').length,
      unchanged: plan.unchanged.length,
      exempt: plan.exempt.length,
      shared: plan.shared.length,
      remaining: ordered.length,
    },
    unverified: [
      ...input.found.failures.map((f) => `system ${f.system} did not answer: ${f.message}`),
      ...(input.found.truncated ? ['the traversal stopped at its round limit'] : []),
    ],
  };
}

function reasonRemaining(want: Expected | undefined, row: SourceRow): string | undefined {
  if (!want) return 'not in the plan (written after the plan was made?)';
  if (want.kind === 'kept') return undefined;
  if (want.kind === 'deleted') return 'the plan deleted it, but it is still there';
  const wrong = Object.entries(want.values)
    .filter(([field, target]) => valueText(row[field]) !== target)
    .map(([field]) => field);
  return wrong.length === 0 ? undefined : `not rewritten: ${wrong.join(', ')}`;
}

/** Collection address → row key → what the plan left the row as. */
function expectations(input: VerifyErasureInput): Map<string, Map<string, Expected>> {
  const index = new Map<string, Map<string, Expected>>();
  const expect = (collection: string, key: RowKeyValues, what: Expected): void => {
    const def = input.graph.nodes.get(collection)?.def;
    if (!def) return;
    const rows = index.get(collection) ?? new Map<string, Expected>();
    rows.set(rowKeyOfValues(def, key), what);
    index.set(collection, rows);
  };
  const { plan } = input;
  for (const row of [...plan.exempt, ...plan.shared])
    expect(row.collection, row.key, { kind: 'kept' });
  for (const row of plan.unchanged)
    expect(row.collection, row.key, { kind: 'targets', values: row.values });
  for (const step of plan.sources.flatMap((source) => source.steps)) {
    if (step.kind === 'delete')
      for (const key of step.keys) expect(step.collection, key, { kind: 'deleted' });
    else expect(step.collection, step.key, { kind: 'targets', values: step.set });
  }
  return index;
}

/**
 * What the generated resolvers hand each other: a `SubjectView` (one traversal result) and
 * row objects that remember which subject they belong to, so navigation between rows stays
 * inside that subject's rows — a reference never leads to another person's data.
 */
import { valueText } from '../core/identity/canonical';
import type { SourceRow } from '../core/traversal/source-row';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { SubjectFactsBase } from '../access/subject-facts';

export const OWNER = Symbol('privgraph.subject');
/** The facts a row's fields are decided with: its subject's, or — on a row that is someone
 * else's (`src/core/policy/row-relation.ts`) — that other person's. */
export const ROW_FACTS = Symbol('privgraph.row-facts');

export interface SubjectView {
  readonly graph: SubjectGraph;
  /** What access decisions need to know about this subject (consent, age); absent when
   * the gateway runs without a policy. */
  readonly facts?: SubjectFactsBase;
  /** Lazily built: `address\0field` → value → rows. */
  readonly indexes: Map<string, Map<string, SourceRow[]>>;
}

export type OwnedRow = SourceRow & {
  readonly [OWNER]: SubjectView;
  readonly [ROW_FACTS]?: SubjectFactsBase;
};

/** The facts a field of `row` is decided with (absent without a policy). */
export function factsOfRow(row: unknown): SubjectFactsBase | undefined {
  return (row as { [ROW_FACTS]?: SubjectFactsBase } | null)?.[ROW_FACTS];
}

export function viewOf(graph: SubjectGraph, facts?: SubjectFactsBase): SubjectView {
  return facts ? { graph, facts, indexes: new Map() } : { graph, indexes: new Map() };
}

export function rowsOf(view: SubjectView, address: string): OwnedRow[] {
  return (view.graph.rows.get(address) ?? []).map((found) => own(view, found.row));
}

function own(view: SubjectView, row: SourceRow): OwnedRow {
  const owned = Object.create(row) as Record<string | symbol, unknown>;
  owned[OWNER] = view;
  const facts = view.facts?.others?.get(row) ?? view.facts;
  if (facts) owned[ROW_FACTS] = facts;
  return owned as OwnedRow;
}

/** The subject's rows of `address` whose `field` equals `value`. */
export function rowsWhere(
  view: SubjectView,
  address: string,
  field: string,
  value: unknown,
): OwnedRow[] {
  const text = valueText(value);
  if (text === null) return [];
  const indexKey = `${address}\u0000${field}`;
  let index = view.indexes.get(indexKey);
  if (!index) {
    index = new Map();
    for (const found of view.graph.rows.get(address) ?? []) {
      const key = valueText(found.row[field]);
      if (key === null) continue;
      const list = index.get(key);
      if (list) list.push(found.row);
      else index.set(key, [found.row]);
    }
    view.indexes.set(indexKey, index);
  }
  return (index.get(text) ?? []).map((row) => own(view, row));
}

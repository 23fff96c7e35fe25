/** One row of a person in an erasure plan, and what happens to it (SPEC §6). */
import type { SourceRow } from '../traversal/source-row';
import type { CollectionNode } from '../traversal/traversal-graph';
import type { RewriteTargets } from './erasure-targets';
import type { HoldProtection } from './match-holds';

export type RowFate =
  | { readonly kind: 'exempt'; readonly protection: HoldProtection }
  | { readonly kind: 'shared'; readonly via: string; readonly related?: true }
  | { readonly kind: 'delete' }
  | { readonly kind: 'rewrite'; readonly targets: RewriteTargets };

export interface PlannedRow {
  readonly node: CollectionNode;
  /** The traversal's row key (`src/core/traversal/row-key.ts`). */
  readonly key: string;
  readonly row: SourceRow;
  fate: RowFate;
}

/** The row's value of `field` once the plan has run (a rewrite may change it). */
export function survivingValue(planned: PlannedRow, field: string): unknown {
  const { fate } = planned;
  if (fate.kind === 'rewrite' && field in fate.targets.set) return fate.targets.set[field];
  return planned.row[field];
}

export const rowLabel = (planned: PlannedRow): string => `${planned.node.address} ${planned.key}`;

/**
 * A row that survives keeps what it points at in the same source (SPEC §6: referencing rows
 * go before referenced rows "within one source in one transaction"). Deleting a row that a
 * kept row still references would either fail on the source's foreign key — rolling back the
 * whole source — or leave a dangling reference. So:
 * - a row an exempt row references is exempt by the same hold (the evidence stays whole);
 * - a row a shared row references is kept as shared while the other owner remains;
 * - a rewritten row that keeps a reference to a row this plan deletes is a problem of the
 *   map: that reference field must be erased too (or the collection deleted), so the plan is
 *   refused with the fix.
 * References across sources impose nothing: sources are independent (SPEC §6).
 */
import { formatCollectionAddress } from '../datamap/model';
import { valueText } from '../identity/canonical';
import type { PlannedRow } from './planned-row';
import { rowLabel, survivingValue } from './planned-row';

export interface KeptReferences {
  readonly notes: string[];
  readonly problems: string[];
}

export function keepReferencedRows(rows: readonly PlannedRow[]): KeptReferences {
  const notes: string[] = [];
  const problems = new Set<string>();
  const deletes = new Map<string, Map<string, PlannedRow[]>>();
  const deleted = (address: string, field: string, value: string): PlannedRow[] => {
    const id = `${address}\u0000${field}`;
    let byValue = deletes.get(id);
    if (!byValue) {
      byValue = new Map();
      for (const row of rows) {
        const held = valueText(row.row[field]);
        if (row.node.address !== address || row.fate.kind !== 'delete' || held === null) continue;
        byValue.set(held, [...(byValue.get(held) ?? []), row]);
      }
      deletes.set(id, byValue);
    }
    // a row kept meanwhile is no longer deleted
    return (byValue.get(value) ?? []).filter((row) => row.fate.kind === 'delete');
  };

  const queue = rows.filter((row) => row.fate.kind !== 'delete');
  for (let planned = queue.shift(); planned; planned = queue.shift()) {
    const { node, fate } = planned;
    for (const field of node.def.fields) {
      if (!field.references || field.references.system !== node.system.key) continue;
      const target = formatCollectionAddress(field.references);
      const value = valueText(survivingValue(planned, field.key));
      if (value === null) continue;
      for (const parent of deleted(target, field.references.field, value)) {
        const via = `${node.address}.${field.key}`;
        if (fate.kind === 'rewrite') {
          problems.add(
            `${via} keeps pointing at rows of ${target} that this plan deletes: erase the field too (give it a category, or erasure: null), or erase ${node.address} by deleting rows`,
          );
          continue;
        }
        parent.fate = fate.kind === 'exempt' ? fate : { kind: 'shared', via };
        notes.push(
          `${rowLabel(parent)} is kept: the ${fate.kind} row ${rowLabel(planned)} still references it through ${field.key}`,
        );
        queue.push(parent);
      }
    }
  }
  return { notes, problems: [...problems] };
}

/**
 * The erasure plan (SPEC §6 "Erasure: first a plan (preview: which rows in which collections
 * will be deleted or rewritten, with which strategy, and which are exempt and why)"; the
 * seed policy §VIII.2 and §VIII.4; PIPL art. 47). Pure: every fact comes in as a value, the
 * random source included, so the same input gives the same plan.
 *
 * For each row the traversal found (own rows and related rows alike):
 * 1. a legal hold protecting it → exempt, with the hold's reason and until when
 *    (`match-holds.ts`) — holds are checked first;
 * 2. someone else still owns it (`find-other-owners.ts`) → shared, kept;
 * 3. its collection's `erasure: delete` → deleted; `rewrite` → its personal fields rewritten
 *    to values fixed now (`erasure-targets.ts`); a row already holding them needs no step and
 *    is listed as unchanged;
 * 4. a row to delete that rows outside the person's graph still reference
 *    (`find-referencing-rows.ts`) is rewritten instead, keeping its key, and listed as
 *    referenced: the other rows stay valid and untouched. A rewrite that would change a field
 *    those rows point at is a problem.
 * Kept rows keep what they reference in the same source (`keep-referenced.ts`); steps are
 * grouped per source and ordered children first (`order-steps.ts`). A traversal that did not
 * reach every source, or stopped early, cannot be planned from: rows it missed would never be
 * erased, since execution works from the plan and never traverses again.
 */
import type { DeidentifyKeys } from '../deidentify/keys';
import type { SubjectGraph } from '../traversal/subject-graph';
import type { CollectionNode, TraversalGraph } from '../traversal/traversal-graph';
import type { SourceRow } from '../traversal/source-row';
import type { ColumnFacts } from './erasure-targets';
import { erasureTargets } from './erasure-targets';
import type { OtherOwners } from './find-other-owners';
import type { ReferencingRows } from './find-referencing-rows';
import { keepReferencedRows } from './keep-referenced';
import { holdProtecting } from './match-holds';
import type {
  ErasurePlan,
  ExemptRow,
  LegalHold,
  ReferencedRow,
  SharedRow,
  SourcePlan,
  UnchangedRow,
} from './model';
import { orderSourceSteps } from './order-steps';
import {
  foreignIdentityField,
  holdsAnyPersonValue,
  personIdentities,
  sortedRows,
} from './person-rows';
import type { PlannedRow, RowFate } from './planned-row';
import type { RandomToken } from './random-text';
import { rowKeyValues } from './row-key-values';

export interface PlanErasureInput {
  /** The traversal graph of the data map the person was found with (`graph.map`). */
  readonly graph: TraversalGraph;
  /** The person, every field of every row read. */
  readonly person: SubjectGraph;
  readonly shared: OtherOwners;
  /** Rows outside the person's graph that reference the person's rows. */
  readonly referenced: ReferencingRows;
  readonly holds: readonly LegalHold[];
  /** The person's subject keys (`src/core/identity/subject-key.ts`), to match person holds. */
  readonly subjectKeys: readonly string[];
  readonly now: Date;
  readonly columns: ColumnFacts;
  /** For the `hash` strategy: the deployment's de-identification keys. */
  readonly keys: DeidentifyKeys;
  /** For the `random` strategy (`cryptoRandomToken` in production). */
  readonly random: RandomToken;
}

export function planErasure(input: PlanErasureInput): ErasurePlan {
  const problems = new Set(incompleteTraversal(input.person));
  const { rows, referenced, referencedNotes } = classifyRows(input);
  for (const row of rows)
    if (row.fate.kind === 'rewrite') for (const p of row.fate.targets.problems) problems.add(p);
  for (const problem of referenceProblems(rows, input.referenced)) problems.add(problem);
  const kept = keepReferencedRows(rows);
  for (const problem of kept.problems) problems.add(problem);

  const rank = new Map([...input.graph.nodes.keys()].map((address, index) => [address, index]));
  const notes = [...referencedNotes, ...kept.notes];
  const sources: SourcePlan[] = [];
  for (const system of input.graph.map.systems) {
    const work = rows.filter(
      (row) =>
        row.node.system.key === system.key &&
        (row.fate.kind === 'delete' ||
          (row.fate.kind === 'rewrite' && Object.keys(row.fate.targets.set).length > 0)),
    );
    if (work.length === 0) continue;
    const ordered = orderSourceSteps(work, rank);
    notes.push(...ordered.notes);
    sources.push({ system: system.key, steps: ordered.steps });
  }

  return { sources, ...listKeptRows(rows), referenced, problems: [...problems], notes };
}

function listKeptRows(
  rows: readonly PlannedRow[],
): Pick<ErasurePlan, 'exempt' | 'shared' | 'unchanged'> {
  const exempt: ExemptRow[] = [];
  const shared: SharedRow[] = [];
  const unchanged: UnchangedRow[] = [];
  for (const { node, row, fate } of rows) {
    const collection = node.address;
    const key = rowKeyValues(node.def, row);
    if (fate.kind === 'exempt') {
      const { hold, until } = fate.protection;
      exempt.push({
        collection,
        key,
        reason: hold.reason,
        holdId: hold.id,
        ...(until === undefined ? {} : { until }),
      });
    } else if (fate.kind === 'shared') {
      shared.push({ collection, key, via: fate.via, ...(fate.related ? { related: true } : {}) });
    } else if (fate.kind === 'rewrite' && Object.keys(fate.targets.set).length === 0) {
      unchanged.push({ collection, key, values: fate.targets.targets });
    }
  }
  return { exempt, shared, unchanged };
}

/** `via` of a related record no other owner was found for: it is never the person's. */
const RELATED_RECORD = 'a related record';

/**
 * A related (terminal) row that is someone else's own record rather than something the
 * person shares: it carries another person's identity (a parent's card), or it is a row of a
 * collection of people's records (one holding a personal identity) that holds no identity
 * value of the person at all — a nurse's staff record an appointment points to, whose
 * patient link is empty. Such a row is never erased by the person's request. A row holding
 * one of the person's values (a log line of their device) or of a collection that names no
 * one (an organisation) concerns whoever uses it and goes with the last of them (SPEC §6).
 */
function isRelatedRecord(
  node: CollectionNode,
  found: { readonly role: string; readonly row: SourceRow },
  identities: ReadonlySet<string>,
  person: SubjectGraph,
): boolean {
  if (found.role !== 'terminal') return false;
  if (foreignIdentityField(node, found.row, identities) !== undefined) return true;
  const namesPeople = node.identityCarriers.some((ref) => !ref.kind.shared && !ref.shared);
  return namesPeople && !holdsAnyPersonValue(node, found.row, person);
}

function classifyRows(input: PlanErasureInput): {
  rows: PlannedRow[];
  referenced: ReferencedRow[];
  referencedNotes: string[];
} {
  const subjectKeys = new Set(input.subjectKeys);
  const identities = personIdentities(input.person);
  const rows: PlannedRow[] = [];
  const referenced: ReferencedRow[] = [];
  const referencedNotes: string[] = [];
  for (const [address, node] of input.graph.nodes) {
    for (const found of sortedRows(input.person.rows.get(address) ?? [])) {
      const protection = holdProtecting(input.holds, subjectKeys, node.def, found.row, input.now);
      const relatedRecord = isRelatedRecord(node, found, identities, input.person);
      const via =
        input.shared.get(address)?.get(found.key) ?? (relatedRecord ? RELATED_RECORD : undefined);
      const pointedAt = input.referenced.get(address)?.get(found.key);
      const fate: RowFate = protection
        ? { kind: 'exempt', protection }
        : via !== undefined
          ? {
              kind: 'shared',
              via,
              ...(relatedRecord ? { related: true as const } : {}),
            }
          : node.def.erasure === 'delete' && pointedAt === undefined
            ? { kind: 'delete' }
            : { kind: 'rewrite', targets: erasureTargets(node, found.row, input) };
      if (fate.kind === 'rewrite' && node.def.erasure === 'delete' && pointedAt) {
        referenced.push({
          collection: address,
          key: rowKeyValues(node.def, found.row),
          via: pointedAt.via,
        });
        referencedNotes.push(
          `${address} ${found.key} is rewritten instead of deleted: rows outside this plan reference it through ${pointedAt.via}`,
        );
      }
      rows.push({ node, key: found.key, row: found.row, fate });
    }
  }
  return { rows, referenced, referencedNotes };
}

/** A rewrite must not change a field that rows outside the plan point at: the reference would
 * break (or the source refuse the update), and those rows are not this person's to change. */
function referenceProblems(rows: readonly PlannedRow[], referenced: ReferencingRows): string[] {
  const problems: string[] = [];
  for (const { node, key, fate } of rows) {
    if (fate.kind !== 'rewrite') continue;
    const pointedAt = referenced.get(node.address)?.get(key);
    for (const field of pointedAt?.fields ?? [])
      if (field in fate.targets.set)
        problems.push(
          `${node.address}.${field} is referenced by ${pointedAt?.via ?? 'rows'} of rows outside this plan, but its erasure rewrites it: reference ${node.address} by its primary key, or leave ${field} without a category and erasure strategy`,
        );
  }
  return [...new Set(problems)];
}

function incompleteTraversal(person: SubjectGraph): string[] {
  const problems = person.failures.map(
    (failure) =>
      `system ${failure.system} did not answer (${failure.message}): its rows cannot be planned; retry when it is back`,
  );
  if (person.truncated)
    problems.push(
      'the traversal stopped at its round limit before finding the whole person: raise PRIVGRAPH_MAX_TRAVERSAL_ROUNDS and plan again',
    );
  return problems;
}

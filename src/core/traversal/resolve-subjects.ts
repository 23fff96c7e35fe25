/**
 * The subject traversal (SPEC §5): from seed identities, follow identity and reference
 * edges until nothing new is found. All subjects of one request advance in lock-step
 * rounds and every round sends one batched lookup per (collection, field, comparison) —
 * so the number of lookups depends on the data map's shape, never on how many subjects
 * or rows there are.
 *
 * Semantics (documented in docs/traversal.md):
 * 1. a non-shared identity finds *subject* rows; a shared one (a device id), or any identity
 *    through a field declared `shared` (a gift order's recipient phone), finds *terminal*
 *    rows, which are shown but never expanded, so two people sharing a device stay two people;
 * 2. a subject row's identity values (and values of references followed down to identity
 *    fields; never `up`/`none` ones, never `shared` fields) seed further identity lookups;
 *    rows referencing it with follow `down` are subject rows; rows it points to with follow
 *    `up` are terminal (related) rows;
 * 3. a source that fails is reported by system name; the other systems still answer.
 */
import type { IdentityFormat, IdentityKind } from '../datamap/model';
import { canonicalIdentity, valueText } from '../identity/canonical';
import { rowKey } from './row-key';
import type { SourceRow } from './source-row';
import type {
  FoundIdentity,
  FoundRow,
  RowRole,
  SourceFailure,
  SubjectGraph,
} from './subject-graph';
import type { TraversalPlan } from './plan-traversal';

export interface LookupGroup {
  readonly collection: string;
  readonly field: string;
  readonly match: IdentityFormat;
}

/** Batched read: rows whose `field` (compared by `match`) is one of `values`. A rejection
 * with a `system` property is reported as that system's failure. */
export type BatchLookup = (
  group: LookupGroup,
  values: readonly string[],
) => Promise<readonly SourceRow[]>;

export interface SeedIdentity {
  readonly kind: string;
  readonly value: string;
}

export const DEFAULT_MAX_ROUNDS = 32;

type Pending = Map<string, { group: LookupGroup; values: Map<string, RowRole> }>;

interface SubjectState {
  readonly identities: Map<string, FoundIdentity>;
  readonly rows: Map<string, Map<string, FoundRow>>;
  readonly asked: Map<string, Map<string, RowRole>>;
  pending: Pending;
}

const groupKey = (g: LookupGroup): string => `${g.collection}\u0000${g.field}\u0000${g.match}`;

export async function resolveSubjects(
  plan: TraversalPlan,
  seeds: readonly SeedIdentity[],
  lookup: BatchLookup,
  maxRounds = DEFAULT_MAX_ROUNDS,
): Promise<SubjectGraph[]> {
  const { graph } = plan;
  const failures = new Map<string, string>();
  const states: SubjectState[] = seeds.map((seed) => {
    const state: SubjectState = {
      identities: new Map(),
      rows: new Map(),
      asked: new Map(),
      pending: new Map(),
    };
    const kind = graph.map.identities.get(seed.kind);
    if (kind) addIdentity(state, kind, canonicalIdentity(kind.format, seed.value));
    return state;
  });

  function ask(state: SubjectState, group: LookupGroup, value: string, role: RowRole): void {
    if (!plan.collections.has(group.collection)) return;
    const key = groupKey(group);
    const before = state.asked.get(key)?.get(value);
    if (before === 'subject' || before === role) return;
    const asked = state.asked.get(key) ?? new Map<string, RowRole>();
    asked.set(value, role);
    state.asked.set(key, asked);
    const pending = state.pending.get(key) ?? { group, values: new Map<string, RowRole>() };
    if (pending.values.get(value) !== 'subject') pending.values.set(value, role);
    state.pending.set(key, pending);
  }

  function addIdentity(state: SubjectState, kind: IdentityKind, value: string | null): void {
    if (value === null) return;
    const id = `${kind.name}\u0000${value}`;
    if (state.identities.has(id)) return;
    state.identities.set(id, { kind: kind.name, value, shared: kind.shared });
    for (const ref of graph.identityFields.get(kind.name) ?? []) {
      ask(
        state,
        { collection: ref.collection, field: ref.field.key, match: kind.format },
        value,
        ref.shared ? 'terminal' : 'subject',
      );
    }
  }

  function expand(state: SubjectState, address: string, row: SourceRow): void {
    const node = graph.nodes.get(address);
    if (!node) return;
    for (const ref of node.identitySources)
      addIdentity(state, ref.kind, canonicalIdentity(ref.kind.format, row[ref.field.key]));
    for (const edge of node.children) {
      const value = valueText(row[edge.parentField.key]);
      if (value !== null)
        ask(
          state,
          { collection: edge.child, field: edge.childField.key, match: 'exact' },
          value,
          'subject',
        );
    }
    for (const edge of node.ups) {
      const value = valueText(row[edge.field.key]);
      if (value !== null)
        ask(
          state,
          { collection: edge.target, field: edge.targetField.key, match: 'exact' },
          value,
          'terminal',
        );
    }
  }

  function accept(state: SubjectState, address: string, found: SourceRow, role: RowRole): void {
    const node = graph.nodes.get(address);
    if (!node) return;
    const key = rowKey(node.def, found);
    const rows = state.rows.get(address) ?? new Map<string, FoundRow>();
    state.rows.set(address, rows);
    const existing = rows.get(key);
    if (existing && (existing.role === 'subject' || role === 'terminal')) return;
    if (existing) existing.role = 'subject';
    else rows.set(key, { key, row: found, role });
    if (role === 'subject') expand(state, address, found);
  }

  let rounds = 0;
  while (states.some((state) => state.pending.size > 0)) {
    if (rounds++ >= maxRounds) break;
    const batches = new Map<string, { group: LookupGroup; values: Set<string> }>();
    const requests = states.map((state) => {
      const pending = state.pending;
      state.pending = new Map();
      for (const [key, { group, values }] of pending) {
        const batch = batches.get(key) ?? { group, values: new Set<string>() };
        for (const value of values.keys()) batch.values.add(value);
        batches.set(key, batch);
      }
      return pending;
    });
    const results = new Map<string, Map<string, SourceRow[]>>();
    await Promise.all(
      [...batches].map(async ([key, { group, values }]) => {
        const system = graph.nodes.get(group.collection)?.system.key ?? group.collection;
        if (failures.has(system)) return;
        try {
          const rows = await lookup(group, [...values]);
          results.set(key, indexByMatch(group, rows));
        } catch (error) {
          failures.set(system, error instanceof Error ? error.message : String(error));
        }
      }),
    );
    states.forEach((state, index) => {
      for (const [key, { group, values }] of requests[index] ?? new Map()) {
        const byValue = results.get(key);
        if (!byValue) continue;
        for (const [value, role] of values) {
          for (const found of byValue.get(value) ?? [])
            accept(state, group.collection, found, role);
        }
      }
    });
  }

  const truncated = states.some((state) => state.pending.size > 0);
  const failureList: SourceFailure[] = [...failures].map(([system, message]) => ({
    system,
    message,
  }));
  return states.map((state) => ({
    identities: [...state.identities.values()],
    rows: new Map([...state.rows].map(([address, rows]) => [address, [...rows.values()]])),
    failures: failureList,
    truncated,
  }));
}

/** Groups returned rows by the canonical form of the matched field, the same form the
 * source compared in SQL, so each row reaches exactly the subjects that asked for it. */
function indexByMatch(group: LookupGroup, rows: readonly SourceRow[]): Map<string, SourceRow[]> {
  const index = new Map<string, SourceRow[]>();
  for (const found of rows) {
    const value = canonicalIdentity(group.match, found[group.field]);
    if (value === null) continue;
    const list = index.get(value);
    if (list) list.push(found);
    else index.set(value, [found]);
  }
  return index;
}

/**
 * A small world for the rights-request unit tests: accounts, a workspace (organisations,
 * employees, tasks, approvals, threaded comments), security logs keyed by a shared device id,
 * and a catalogue-only SDK. Ann, Bob and Cy (whose workspace rows were already anonymised)
 * share an organisation, a device and approvals in the ways SPEC §6 talks about.
 */
import type { DataMap } from '../../../src/core/datamap/model';
import { parseDataMap } from '../../../src/core/datamap/parse-data-map';
import { canonicalIdentity } from '../../../src/core/identity/canonical';
import { planTraversal } from '../../../src/core/traversal/plan-traversal';
import type { BatchLookup, LookupGroup } from '../../../src/core/traversal/resolve-subjects';
import { resolveSubjects } from '../../../src/core/traversal/resolve-subjects';
import type { SourceRow } from '../../../src/core/traversal/source-row';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import type { TraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';

export const WORLD_MAP = `
version: 1
organization: { name: World Co }
identities:
  email: { format: email }
  uid: {}
  device: { shared: true }
purposes:
  ops: { name: Operations }
  security: { name: Security }
systems:
  acct:
    name: Accounts
    source: { kind: postgres, url: "postgres://unused/db", schema: acct }
    collections:
      users:
        description: One row per account
        primaryKey: [id]
        purposes: [ops]
        legalBasis: contract
        retention: { days: 365, description: A year after closing }
        fields:
          id: { identity: uid, category: user.unique_id }
          email: { identity: email, category: user.contact.email }
          name: { category: user.name }
  work:
    name: Workspace
    source: { kind: postgres, url: "postgres://unused/db", schema: work }
    collections:
      orgs:
        primaryKey: [id]
        purposes: [ops]
        erasure: rewrite
        fields: { id: {}, name: { category: user.workplace } }
      employees:
        primaryKey: [id]
        purposes: [ops]
        erasure: rewrite
        fields:
          id: {}
          user_id: { references: acct.users.id, category: user.unique_id, erasure: null }
          org_id: { references: work.orgs.id, follow: up }
          email: { identity: email, category: user.contact.email }
          name: { category: user.name, erasure: mask }
      tasks:
        primaryKey: [id]
        purposes: [ops]
        erasure: rewrite
        fields:
          id: {}
          assignee_id: { references: work.employees.id }
          title: { category: user.workplace, erasure: random }
      approvals:
        primaryKey: [id]
        purposes: [ops]
        erasure: rewrite
        fields:
          id: {}
          task_id: { references: work.tasks.id }
          approver_id: { references: work.employees.id }
          comment: { category: user.content, erasure: null }
      comments:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: {}
          author_id: { references: work.employees.id }
          reply_to: { references: work.comments.id }
          body: { category: user.content }
  sec:
    name: Security
    source: { kind: postgres, url: "postgres://unused/db", schema: sec }
    collections:
      devices:
        primaryKey: [device_id]
        purposes: [security]
        fields: { device_id: { identity: device, category: user.device.device_id }, model: { category: user.device } }
      user_devices:
        primaryKey: [user_id, device_id]
        purposes: [security]
        fields:
          user_id: { references: acct.users.id }
          device_id: { references: sec.devices.device_id, follow: up }
      logs:
        primaryKey: [id]
        purposes: [security]
        fields:
          id: {}
          device_id: { identity: device }
          user_id: { references: acct.users.id }
          at: {}
  sdk:
    name: Push SDK
    description: A processor that receives device data
    collections:
      push:
        description: Push tokens
        purposes: [ops]
        fields: { device_id: { category: user.device.device_id } }
`;

export function worldMap(text = WORLD_MAP): DataMap {
  const result = parseDataMap(text, 'world.yaml', {});
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.map;
}

export type Tables = Record<string, SourceRow[]>;

/** Ann (1) and Bob (2) are live; Cy (3) was erased before: no account, workspace rows nulled. */
export function worldTables(): Tables {
  return {
    'acct.users': [
      { id: 1, email: 'ann@example.com', name: 'Ann Lee' },
      { id: 2, email: 'bob@example.com', name: 'Bob Wu' },
    ],
    'work.orgs': [
      { id: 10, name: 'Shared Org' },
      { id: 11, name: 'Ann Solo Org' },
    ],
    'work.employees': [
      { id: 100, user_id: 1, org_id: 10, email: 'ann@work.example', name: 'Ann Lee' },
      { id: 101, user_id: 1, org_id: 11, email: null, name: 'Ann Lee' },
      { id: 200, user_id: 2, org_id: 10, email: 'bob@work.example', name: 'Bob Wu' },
      { id: 300, user_id: null, org_id: 10, email: null, name: 'C***' },
    ],
    'work.tasks': [
      { id: 1000, assignee_id: 100, title: 'Ann task' },
      { id: 1001, assignee_id: 100, title: 'Ann second task' },
    ],
    'work.approvals': [
      { id: 5000, task_id: 1000, approver_id: 200, comment: 'Bob says ok' },
      { id: 5001, task_id: 1000, approver_id: 100, comment: 'Ann self-approves' },
      { id: 5002, task_id: 1001, approver_id: 300, comment: 'Cy said ok' },
    ],
    'work.comments': [
      { id: 1, author_id: 200, reply_to: null, body: 'Bob opens' },
      { id: 2, author_id: 100, reply_to: 1, body: 'Ann replies to Bob' },
      { id: 3, author_id: 100, reply_to: null, body: 'Ann opens' },
      { id: 4, author_id: 200, reply_to: 3, body: 'Bob replies to Ann' },
      { id: 5, author_id: 100, reply_to: 3, body: 'Ann replies to herself' },
      { id: 6, author_id: 100, reply_to: 7, body: 'Ann replies to an anonymous thread' },
      { id: 7, author_id: null, reply_to: 8, body: 'anonymous' },
      { id: 8, author_id: null, reply_to: null, body: 'anonymous root' },
      { id: 9, author_id: 100, reply_to: 99, body: 'Ann replies to a deleted comment' },
    ],
    'sec.devices': [
      { device_id: 'D1', model: 'family tablet' },
      { device_id: 'D2', model: 'Ann phone, Bob signed in once' },
      { device_id: 'D3', model: 'Ann laptop' },
    ],
    'sec.user_devices': [
      { user_id: 1, device_id: 'D1' },
      { user_id: 2, device_id: 'D1' },
      { user_id: 1, device_id: 'D2' },
      { user_id: 1, device_id: 'D3' },
    ],
    'sec.logs': [
      { id: 1, device_id: 'D1', user_id: null, at: '2024-01-01' },
      { id: 2, device_id: 'D2', user_id: null, at: '2024-01-02' },
      { id: 3, device_id: 'D2', user_id: 2, at: '2024-01-03' },
      { id: 4, device_id: 'D3', user_id: null, at: '2024-01-04' },
    ],
  };
}

export interface RecordedLookup {
  readonly group: LookupGroup;
  readonly values: readonly string[];
}

/** An in-memory source comparing values canonically, as the connectors do in SQL. */
export function memoryLookup(tables: Tables): { lookup: BatchLookup; calls: RecordedLookup[] } {
  const calls: RecordedLookup[] = [];
  const lookup: BatchLookup = async (group, values) => {
    calls.push({ group, values });
    const wanted = new Set(values);
    return (tables[group.collection] ?? []).filter((row) => {
      const value = canonicalIdentity(group.match, row[group.field]);
      return value !== null && wanted.has(value);
    });
  };
  return { lookup, calls };
}

/** The whole person found from one identity, every collection read. */
export async function findPerson(
  graph: TraversalGraph,
  tables: Tables,
  kind: string,
  value: string,
): Promise<SubjectGraph> {
  const plan = planTraversal(
    graph,
    new Map([...graph.nodes.keys()].map((a) => [a, new Set<string>()])),
  );
  const [person] = await resolveSubjects(plan, [{ kind, value }], memoryLookup(tables).lookup);
  if (!person) throw new Error('no subject');
  return person;
}

export function worldGraph(map = worldMap()): TraversalGraph {
  return buildTraversalGraph(map);
}

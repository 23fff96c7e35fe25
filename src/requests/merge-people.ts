/**
 * One person from several traversals (verification seeds every identity the plan was made
 * from, and the traversal treats each seed as its own subject): rows united by key — a row
 * that is someone's own in any of them is own — identities and failures united.
 */
import type { FoundIdentity, FoundRow, SubjectGraph } from '../core/traversal/subject-graph';

export function mergePeople(graphs: readonly SubjectGraph[]): SubjectGraph {
  const identities = new Map<string, FoundIdentity>();
  const rows = new Map<string, Map<string, FoundRow>>();
  const failures = new Map<string, string>();
  for (const graph of graphs) {
    for (const identity of graph.identities)
      identities.set(`${identity.kind}\u0000${identity.value}`, identity);
    for (const failure of graph.failures) failures.set(failure.system, failure.message);
    for (const [address, found] of graph.rows) {
      const into = rows.get(address) ?? new Map<string, FoundRow>();
      rows.set(address, into);
      for (const row of found) {
        const existing = into.get(row.key);
        if (!existing) into.set(row.key, { ...row });
        else if (row.role === 'subject') existing.role = 'subject';
      }
    }
  }
  return {
    identities: [...identities.values()],
    rows: new Map([...rows].map(([address, found]) => [address, [...found.values()]])),
    failures: [...failures].map(([system, message]) => ({ system, message })),
    truncated: graphs.some((graph) => graph.truncated),
  };
}

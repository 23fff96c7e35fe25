/**
 * What decisions need to know about one subject (SPEC §4.3): their consent (from the
 * gateway's store, the system of record) and whether they are a minor (from the field the
 * map categorises as date of birth). Loaded for all subjects of a request in one batch.
 */
import type { DataMap } from '../core/datamap/model';
import { isCategoryWithin } from '../core/taxonomy/category-key';
import { subjectKey } from '../core/identity/subject-key';
import { isMinor } from '../core/policy/is-minor';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { TraversalGraph } from '../core/traversal/traversal-graph';
import { BORN_AFTER_PREFIX } from '../sources/connector';
import { relatedRowFacts } from './related-row-facts';
import type { SubjectFactsBase } from './subject-facts-base';

/** The date after which a birth date makes a minor (under 14) on `asOf`. */
export function minorCutoffDate(asOf: Date, ageLimit = 14): string {
  const cutoff = new Date(
    Date.UTC(asOf.getUTCFullYear() - ageLimit, asOf.getUTCMonth(), asOf.getUTCDate()),
  );
  return cutoff.toISOString().slice(0, 10);
}

export const DATE_OF_BIRTH_CATEGORY = 'user.demographic.date_of_birth';

export type { SubjectFactsBase } from './subject-facts-base';

export interface ConsentReader {
  (
    groups: readonly (readonly string[])[],
  ): Promise<readonly { granted: ReadonlySet<string>; guardian: ReadonlySet<string> }[]>;
}

export const NO_FACTS: SubjectFactsBase = {
  consented: new Set(),
  guardianConsented: new Set(),
  minor: false,
  subjectKeys: [],
};

/** The fields holding a date of birth, by collection address. */
export function dateOfBirthFields(map: DataMap): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const system of map.systems) {
    if (!system.source) continue;
    for (const collection of system.collections) {
      const keys = collection.fields
        .filter(
          (f) => f.category !== undefined && isCategoryWithin(f.category, DATE_OF_BIRTH_CATEGORY),
        )
        .map((f) => f.key);
      if (keys.length > 0) found.set(`${system.key}.${collection.key}`, keys);
    }
  }
  return found;
}

/**
 * Consent and age of each subject of a traversal, in one batch. Consent is read from the
 * store only where a decision can depend on it (SPEC §4.3): when the operation's purpose
 * requires consent, or for a minor (guardian consent). An adult read for a purpose that rests
 * on another legal basis needs no consent read — most of the policy's cost per lookup
 * otherwise (docs/performance.md).
 */
export async function loadSubjectFacts(
  graphs: readonly SubjectGraph[],
  options: {
    map: DataMap;
    /** The map's traversal graph: which fields of a row carry identities. */
    traversal: TraversalGraph;
    hashKey: Buffer;
    readConsents: ConsentReader;
    asOf: Date;
    /** Whether the operation's purpose requires consent; absent: assume it does. */
    purposeRequiresConsent?: boolean;
  },
): Promise<SubjectFactsBase[]> {
  const dobFields = dateOfBirthFields(options.map);
  const minors = graphs.map((graph) => minorIn(graph, dobFields, options.asOf));
  const keys = graphs.map((graph) =>
    graph.identities
      .filter((identity) => !identity.shared)
      .map((identity) => subjectKey(options.hashKey, identity.kind, identity.value)),
  );
  const needed = graphs
    .map((_, index) => index)
    .filter((index) => options.purposeRequiresConsent !== false || minors[index]);
  const consents =
    needed.length > 0 ? await options.readConsents(needed.map((index) => keys[index] ?? [])) : [];
  const byGraph = new Map(needed.map((graphIndex, i) => [graphIndex, consents[i]]));
  const related = {
    traversal: options.traversal,
    hashKey: options.hashKey,
    dobFields,
    asOf: options.asOf,
    cache: new Map<string, SubjectFactsBase>(),
  };
  return graphs.map((graph, index) => {
    const others = relatedRowFacts(graph, related);
    return {
      consented: byGraph.get(index)?.granted ?? new Set(),
      guardianConsented: byGraph.get(index)?.guardian ?? new Set(),
      minor: minors[index] ?? false,
      subjectKeys: keys[index] ?? [],
      ...(others.size > 0 ? { others } : {}),
    };
  });
}

function minorIn(
  graph: SubjectGraph,
  dobFields: ReadonlyMap<string, readonly string[]>,
  asOf: Date,
): boolean {
  for (const [address, keys] of dobFields) {
    for (const found of graph.rows.get(address) ?? []) {
      if (found.role !== 'subject') continue;
      for (const key of keys) {
        if (found.row[`${BORN_AFTER_PREFIX}${key}`] === true) return true;
        const value = found.row[key];
        if ((typeof value === 'string' || value instanceof Date) && isMinor(value, asOf))
          return true;
      }
    }
  }
  return false;
}

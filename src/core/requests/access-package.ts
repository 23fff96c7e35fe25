/**
 * The access package (SPEC §6 "Access: collects every row about the subject across every
 * system (all categories, regardless of the caller's read rules), packages it as a JSON
 * document grouped by system → collection with each field's category, purposes, legal basis
 * and retention"; the seed policy §VIII.1; PIPL art. 44–45). Pure: the caller runs the full
 * traversal and stores, encrypts and serves the result (`serialize-package.ts` gives its
 * canonical bytes and content hash).
 *
 * - Every system of the map appears; a catalogue-only system (no source) with its collections
 *   and fields and a note that it cannot be queried — it receives data as the map describes.
 * - A queryable system lists the collections holding rows of the person, each row marked
 *   `own` (about the person) or `related` (a shared device, their organisation), with other
 *   people's data withheld (`redact-row.ts`).
 * - Sources that did not answer are named (not their error text, which may describe internals)
 *   and the package says it is incomplete.
 * Systems, collections and fields keep the map's order, rows are sorted by key: the same data
 * gives the same document.
 */
import type { CollectionDef, DataMap, SystemDef } from '../datamap/model';
import { formatCollectionAddress } from '../datamap/model';
import type { SubjectGraph } from '../traversal/subject-graph';
import type { CollectionNode } from '../traversal/traversal-graph';
import { buildTraversalGraph } from '../traversal/traversal-graph';
import type { JsonValue } from './json-value';
import { toJsonValue } from './json-value';
import type { RowKeySets } from './person-rows';
import { isOwnRow, ownRowKeys, personIdentities, sortedRows } from './person-rows';
import type { Redactor } from './redact-row';
import { redactorFor } from './redact-row';

export const ACCESS_PACKAGE_FORMAT = 'privgraph.access-package/1';

export const CATALOGUE_ONLY_NOTE =
  'This system cannot be queried by the gateway: it receives the personal data listed here as the data map describes. Ask us about what it holds.';

export interface PackageRow {
  readonly relation: 'own' | 'related';
  /** Field key → value; a withheld value is null and its key is in `redacted`. */
  readonly values: Readonly<Record<string, JsonValue>>;
  readonly redacted: readonly string[];
}

export interface PackageCollection {
  readonly key: string;
  readonly description?: string;
  readonly purposes: readonly { readonly key: string; readonly name: string }[];
  readonly legalBasis?: { readonly key: string; readonly description?: string };
  readonly retention?: { readonly days?: number; readonly description?: string };
  readonly fields: readonly { readonly key: string; readonly category?: string }[];
  readonly rows: readonly PackageRow[];
}

export interface PackageSystem {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly controller?: string;
  readonly region?: string;
  readonly queryable: boolean;
  readonly note?: string;
  readonly collections: readonly PackageCollection[];
}

export interface AccessPackage {
  readonly format: typeof ACCESS_PACKAGE_FORMAT;
  readonly requestId: string;
  readonly generatedAt: string;
  readonly organization: string;
  /** The data map version the package was made with (its content hash). */
  readonly dataMap: string;
  readonly identities: readonly { readonly kind: string; readonly value: string }[];
  /** False when a source did not answer or the traversal stopped early. */
  readonly complete: boolean;
  readonly unavailableSystems: readonly string[];
  readonly systems: readonly PackageSystem[];
}

export interface AccessPackageInput {
  readonly map: DataMap;
  /** The full traversal of the person: every collection, every field. */
  readonly graph: SubjectGraph;
  /** Which rows are the person's own; default: the rows the traversal found as `subject`. */
  readonly ownRows?: RowKeySets;
  readonly generatedAt: string;
  readonly requestId: string;
}

export function buildAccessPackage(input: AccessPackageInput): AccessPackage {
  const { map, graph: person } = input;
  const graph = buildTraversalGraph(map);
  const own = input.ownRows ?? ownRowKeys(person);
  const redact = redactorFor(graph, person, own, personIdentities(person));
  const systems = map.systems.map((system): PackageSystem => {
    const collections = system.source
      ? system.collections.flatMap((def) => {
          const rows = packageRows(def, person, own, redact, graph.nodes.get(addressOf(def)));
          return rows.length > 0 ? [describeCollection(map, def, rows)] : [];
        })
      : system.collections.map((def) => describeCollection(map, def, []));
    return { ...describeSystem(system), collections };
  });
  return {
    format: ACCESS_PACKAGE_FORMAT,
    requestId: input.requestId,
    generatedAt: input.generatedAt,
    organization: map.organization.name,
    dataMap: map.contentHash,
    identities: [...person.identities]
      .map(({ kind, value }) => ({ kind, value }))
      .sort((a, b) =>
        a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.value < b.value ? -1 : 1,
      ),
    complete: person.failures.length === 0 && !person.truncated,
    unavailableSystems: [...new Set(person.failures.map((failure) => failure.system))].sort(),
    systems,
  };
}

const addressOf = (def: CollectionDef): string => formatCollectionAddress(def.address);

function packageRows(
  def: CollectionDef,
  person: SubjectGraph,
  own: RowKeySets,
  redact: Redactor,
  node: CollectionNode | undefined,
): PackageRow[] {
  if (!node) return [];
  const address = addressOf(def);
  return sortedRows(person.rows.get(address) ?? []).map((found) => {
    const relation = isOwnRow(own, address, found.key) ? 'own' : 'related';
    const redacted = redact(node, found.row, relation);
    const values = Object.fromEntries(
      def.fields.map((field) => [
        field.key,
        redacted.includes(field.key) ? null : toJsonValue(found.row[field.key]),
      ]),
    );
    return { relation, values, redacted };
  });
}

function describeSystem(system: SystemDef): Omit<PackageSystem, 'collections'> {
  return {
    key: system.key,
    name: system.name,
    description: system.description,
    controller: system.controller,
    region: system.region,
    queryable: system.source !== undefined,
    ...(system.source ? {} : { note: CATALOGUE_ONLY_NOTE }),
  };
}

function describeCollection(
  map: DataMap,
  def: CollectionDef,
  rows: PackageRow[],
): PackageCollection {
  const basis = def.legalBasis === undefined ? undefined : map.legalBases.get(def.legalBasis);
  return {
    key: def.key,
    description: def.description,
    purposes: def.purposes.map((key) => ({ key, name: map.purposes.get(key)?.name ?? key })),
    legalBasis:
      def.legalBasis === undefined
        ? undefined
        : { key: def.legalBasis, description: basis?.description },
    retention: def.retention && {
      days: def.retention.days,
      description: def.retention.description,
    },
    fields: def.fields.map((field) => ({ key: field.key, category: field.category })),
    rows,
  };
}

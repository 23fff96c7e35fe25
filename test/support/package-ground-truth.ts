/**
 * Reading access packages against a generator's ground truth (issue #5 acceptance: the
 * package "equals the generator's ground truth exactly … nothing of anyone else"): export
 * people through the service as the DPO does, turn a package back into row keys per
 * collection, and compare them — own rows, related rows, and what a related row of someone
 * else may show.
 */
import type { GroundTruthParts } from '../../seeds/lib/ground-truth';
import type { CollectionDef, DataMap } from '../../src/core/datamap/model';
import type {
  AccessPackage,
  PackageCollection,
  PackageRow,
} from '../../src/core/requests/access-package';
import { rowKeyOf } from '../../src/core/traversal/row-key';
import type { RequestsRuntime } from '../../src/requests';
import { downloadPackage, requestAccess } from '../../src/requests';
import { comparable } from './gateway-harness';
import { settleRequests } from './requests-runtime';

const DPO = { subject: 'test:dpo', role: 'dpo' };
const VERIFIED = 'ID card checked at the service desk';

export interface Export {
  readonly pkg: AccessPackage;
  readonly text: string;
}

/** Every export of `seeds` at once (one worker run for all), keyed like `seeds`. */
export async function exportAll(
  rt: RequestsRuntime,
  seeds: ReadonlyMap<number, { kind: string; value: string }>,
): Promise<Map<number, Export>> {
  const ids = new Map<number, string>();
  for (const [person, subject] of seeds)
    ids.set(person, (await requestAccess(rt, DPO, { subject, identityVerification: VERIFIED })).id);
  const unfinished = (await settleRequests(rt, [...ids.values()])).filter(
    (r) => r.status !== 'completed',
  );
  if (unfinished.length > 0)
    throw new Error(
      `exports not completed: ${unfinished.map((r) => `${r.id} ${r.status} ${JSON.stringify(r.result)}`).join('; ')}`,
    );
  const exports = new Map<number, Export>();
  for (const [person, id] of ids) {
    const text = (await downloadPackage(rt, DPO, id)).json.toString('utf8');
    exports.set(person, { pkg: JSON.parse(text) as AccessPackage, text });
  }
  return exports;
}

/** A generated world as these tests read it: its people and their ground truth. */
export interface GeneratedWorld {
  readonly people: readonly { readonly index: number }[];
  groundTruthParts(personIndex: number): GroundTruthParts;
}

/** Collection address → row key → the person whose own row it is. */
export function ownersOf(world: GeneratedWorld): Map<string, Map<string, number>> {
  const owners = new Map<string, Map<string, number>>();
  for (const { index } of world.people)
    for (const [address, keys] of world.groundTruthParts(index).subject) {
      const byKey = owners.get(address) ?? new Map<string, number>();
      for (const key of keys) byKey.set(key, index);
      owners.set(address, byKey);
    }
  return owners;
}

export interface PackageRowRef {
  readonly address: string;
  readonly def: CollectionDef;
  readonly row: PackageRow;
  /** Primary-key values as text; a part the package withholds is null. */
  readonly key: readonly (string | null)[];
}

export function packageRows(map: DataMap, pkg: AccessPackage): PackageRowRef[] {
  return pkg.systems
    .filter((system) => system.queryable)
    .flatMap((system) =>
      system.collections.flatMap((collection) => {
        const def = map.systems
          .find((s) => s.key === system.key)
          ?.collections.find((c) => c.key === collection.key);
        if (!def) throw new Error(`${system.key}.${collection.key} is not in the map`);
        return collection.rows.map((row) => ({
          address: `${system.key}.${collection.key}`,
          def,
          row,
          key: JSON.parse(rowKeyOf(def.primaryKey.map((f) => row.values[f]))) as (string | null)[],
        }));
      }),
    );
}

/**
 * The package's rows as row keys per collection address, split as the ground truth is, and
 * the key each row was matched to. A related row may withhold part of its key (another
 * member's number, SPEC §6): that part matches the ground truth's value, each row once.
 */
function packageParts(
  rows: readonly PackageRowRef[],
  truth: GroundTruthParts,
): { parts: GroundTruthParts; keyOf: Map<PackageRowRef, string> } {
  const parts: GroundTruthParts = { subject: new Map(), related: new Map() };
  const keyOf = new Map<PackageRowRef, string>();
  const unmatched = new Map<string, string[]>(
    [...truth.related].map(([address, keys]) => [address, [...keys]]),
  );
  for (const ref of rows) {
    const { address, row, key } = ref;
    let text = JSON.stringify(key);
    if (row.relation === 'related' && key.includes(null)) {
      const open = unmatched.get(address) ?? [];
      const i = open.findIndex((candidate) =>
        (JSON.parse(candidate) as string[]).every((v, j) => key[j] === null || key[j] === v),
      );
      if (i >= 0) text = open.splice(i, 1)[0]!;
    }
    keyOf.set(ref, text);
    const part = row.relation === 'own' ? parts.subject : parts.related;
    const keys = part.get(address) ?? new Set<string>();
    keys.add(text);
    part.set(address, keys);
  }
  return { parts, keyOf };
}

const both = (parts: GroundTruthParts) => ({
  own: comparable(parts.subject),
  related: comparable(parts.related),
});

/**
 * The export of `person` is their ground truth exactly: own rows as `own`, related rows as
 * `related`, no other row. A related row that is someone else's own row (a referrer, a
 * manager) shows none of the fields the map calls personal; a row nobody owns (a shared
 * device, an organisation) is shown whole. An own row never withholds part of its key.
 */
export function expectGroundTruth(
  world: GeneratedWorld,
  owners: ReadonlyMap<string, ReadonlyMap<string, number>>,
  map: DataMap,
  person: number,
  pkg: AccessPackage,
): void {
  const truth = world.groundTruthParts(person);
  const rows = packageRows(map, pkg);
  const { parts, keyOf } = packageParts(rows, truth);
  expect({ person, ...both(parts) }).toEqual({ person, ...both(truth) });
  const problems: string[] = [];
  for (const ref of rows) {
    const { address, def, row } = ref;
    const key = keyOf.get(ref)!;
    const owner = owners.get(address)?.get(key);
    const personal = def.fields.filter((f) => f.category !== undefined).map((f) => f.key);
    if (row.relation === 'own' && ref.key.includes(null))
      problems.push(`${address} ${key}: own row withholds part of its key`);
    else if (row.relation === 'related' && owner !== undefined && owner !== person) {
      const shown = personal.filter((f) => row.values[f] !== null || !row.redacted.includes(f));
      if (shown.length > 0)
        problems.push(`${address} ${key} of person ${owner}: shows ${shown.join(', ')}`);
    } else if (row.relation === 'related' && row.redacted.length > 0)
      problems.push(`${address} ${key}, nobody's: withholds ${row.redacted.join(', ')}`);
  }
  expect({ person, problems }).toEqual({ person, problems: [] });
}

/** Systems holding at least one of the person's own rows, as the generators count them. */
export const ownSystems = (pkg: AccessPackage): string[] =>
  pkg.systems
    .filter((s) => s.collections.some((c) => c.rows.some((r) => r.relation === 'own')))
    .map((s) => s.key)
    .sort();

export const collectionOf = (
  pkg: AccessPackage,
  address: string,
): PackageCollection | undefined => {
  const [system, collection] = address.split('.') as [string, string];
  return pkg.systems.find((s) => s.key === system)?.collections.find((c) => c.key === collection);
};

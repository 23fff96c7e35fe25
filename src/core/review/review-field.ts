/**
 * The fields a permission review looks at: every field of the data map, addressed
 * `system.collection.field` (Fides' `FieldAddress`), with the GraphQL coordinate it is served
 * at (`AccountsUsers.email`) where its system has a source. Coordinates are named by the
 * subject graph (`src/graph`), which the core may not import: the adapter passes them in.
 *
 * A catalogue-only system (a third-party SDK, SPEC §2) has fields but no coordinate; its
 * decisions are still reviewed, since the same policy governs it the day it gets a source.
 */
import { formatPath } from '../datamap/data-map-error';
import { fieldPath } from '../datamap/map-paths';
import type { CollectionDef, DataMap, FieldDef, IdentityFormat } from '../datamap/model';
import { formatCollectionAddress, formatFieldAddress } from '../datamap/model';
import { defaultMethodFor } from '../deidentify/default-method';
import type { DeidentifyMethod } from '../deidentify/method';
import { decideStatic } from '../policy/decide-static';
import type { Decision } from '../policy/decision';
import type { Policy } from '../policy/model';

/** Field address (`accounts.users.email`) → GraphQL schema coordinate (`AccountsUsers.email`). */
export type FieldCoordinates = ReadonlyMap<string, string>;

export interface ReviewField {
  /** `system.collection.field`. */
  readonly address: string;
  /** `system.collection`. */
  readonly collection: string;
  readonly key: string;
  /** The GraphQL schema coordinate; absent for a field no source serves. */
  readonly coordinate?: string;
  readonly category?: string;
  readonly identity?: string;
  readonly identityFormat?: IdentityFormat;
  /** What a `deidentify` rule (and a minor's `allow`) means for this field. */
  readonly defaultMethod: DeidentifyMethod;
  /** The purposes its collection lists in the map (purpose limitation, SPEC §4.2). */
  readonly collectionPurposes: readonly string[];
  /** The column in the source: what the name heuristics read besides the key. */
  readonly column: string;
  /** Where the field is in the map file: `systems.S.collections.C.fields.F`. */
  readonly mapPath: string;
}

function reviewField(
  map: DataMap,
  collection: CollectionDef,
  def: FieldDef,
  coordinates: FieldCoordinates,
): ReviewField {
  const address = formatFieldAddress(def.address);
  // as in the access table: a reference takes its target identity's canonical form
  const heldKind = def.identity ?? def.heldIdentity;
  const identityFormat = heldKind === undefined ? undefined : map.identities.get(heldKind)?.format;
  const coordinate = coordinates.get(address);
  return {
    address,
    collection: formatCollectionAddress(collection.address),
    key: def.key,
    column: def.column,
    mapPath: formatPath(fieldPath(def.address)),
    ...(coordinate === undefined ? {} : { coordinate }),
    ...(def.category === undefined ? {} : { category: def.category }),
    ...(def.identity === undefined ? {} : { identity: def.identity }),
    ...(identityFormat === undefined ? {} : { identityFormat }),
    // The same default the access table gives the field (src/access/access-table.ts).
    defaultMethod: defaultMethodFor(def.category, identityFormat),
    collectionPurposes: collection.purposes,
  };
}

/** Every field of the map, in map order. */
export function reviewFieldsOf(
  map: DataMap,
  coordinates: FieldCoordinates = new Map(),
): ReviewField[] {
  return map.systems.flatMap((system) =>
    system.collections.flatMap((collection) =>
      collection.fields.map((def) => reviewField(map, collection, def, coordinates)),
    ),
  );
}

/** The role-level decision for one field: the gateway's own `decideStatic`, so the review
 * can never disagree with what the gateway enforces. */
export function decideField(
  policy: Policy,
  field: ReviewField,
  role: string,
  purpose: string,
): Decision {
  return decideStatic(policy, {
    role,
    purpose,
    category: field.category,
    collectionPurposes: field.collectionPurposes,
    defaultMethod: field.defaultMethod,
  });
}

export interface RolePurpose {
  readonly role: string;
  readonly purpose: string;
}

/** Every (role, purpose) the policy lets a caller declare, in the policy's order. A purpose
 * outside a role's list is refused before any field is decided (`PURPOSE_NOT_ALLOWED`). */
export function rolePurposesOf(policy: Policy): RolePurpose[] {
  return [...policy.roles.values()].flatMap((role) =>
    role.purposes.map((purpose) => ({ role: role.key, purpose })),
  );
}

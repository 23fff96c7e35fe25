/**
 * The data map seen as a graph the traversal walks (SPEC §5, after Fides' traversal): per
 * queryable collection, where people are found by identity, which fields yield identity
 * values to look up next (seeds), which merely hold them, which collections reference it
 * (children) and which it points up to.
 * Built once per data map version; pure.
 */
import type { CollectionDef, DataMap, FieldDef, IdentityKind, SystemDef } from '../datamap/model';
import { formatCollectionAddress } from '../datamap/model';

export interface IdentityFieldRef {
  readonly collection: string;
  readonly field: FieldDef;
  readonly kind: IdentityKind;
  /** A value here locates rows but says nothing about whose row it is: the kind is `shared`
   * (a device id), or the field — or the identity field a reference points to — is declared
   * `shared` (a gift order's recipient phone). Rows found through it are terminal. */
  readonly shared: boolean;
}

/** `child.childField → parent.parentField` seen from the parent. */
export interface ChildEdge {
  readonly child: string;
  readonly childField: FieldDef;
  readonly parentField: FieldDef;
}

/** `this.field → target.targetField`, followed upward (the target becomes a related row). */
export interface UpEdge {
  readonly field: FieldDef;
  readonly target: string;
  readonly targetField: FieldDef;
}

export interface CollectionNode {
  readonly address: string;
  readonly system: SystemDef;
  readonly def: CollectionDef;
  /** Where an expanded (subject) row yields identity values that seed further lookups:
   * fields declaring an identity, and references *followed down* (`down`, `both`) to a field
   * that declares one — never `up`/`none` references (the row pointed at is someone related,
   * not the person) and never a field declared `shared`. Values of a shared kind (a device
   * id) seed whatever holds them: they only find terminal rows. */
  readonly identitySources: readonly IdentityFieldRef[];
  /** Every field holding values of an identity kind — declared, or a reference to a field
   * declaring one, whichever way it is followed: for telling whose a value is (redaction,
   * shared-identity anchors, canonical forms), never for seeding. */
  readonly identityCarriers: readonly IdentityFieldRef[];
  readonly children: readonly ChildEdge[];
  readonly ups: readonly UpEdge[];
}

export interface TraversalGraph {
  readonly map: DataMap;
  readonly nodes: ReadonlyMap<string, CollectionNode>;
  /** Where each identity kind is declared: the places a seed of that kind is looked up. */
  readonly identityFields: ReadonlyMap<string, readonly IdentityFieldRef[]>;
  /** Collections whose rows can be *subject* rows (found by a non-shared identity, or
   * referencing such a row with follow down); only these are ever expanded. */
  readonly subjectCapable: ReadonlySet<string>;
}

export function buildTraversalGraph(map: DataMap): TraversalGraph {
  const queryable = map.systems.filter((system) => system.source !== undefined);
  const defs = new Map<string, { system: SystemDef; def: CollectionDef }>();
  for (const system of queryable) {
    for (const def of system.collections)
      defs.set(formatCollectionAddress(def.address), { system, def });
  }
  const fieldOf = (address: string, key: string): FieldDef | undefined =>
    defs.get(address)?.def.fields.find((field) => field.key === key);

  const identityFields = new Map<string, IdentityFieldRef[]>();
  const identitySources = new Map<string, IdentityFieldRef[]>();
  const identityCarriers = new Map<string, IdentityFieldRef[]>();
  const children = new Map<string, ChildEdge[]>();
  const ups = new Map<string, UpEdge[]>();
  const push = <T>(index: Map<string, T[]>, key: string, value: T): void => {
    const list = index.get(key);
    if (list) list.push(value);
    else index.set(key, [value]);
  };

  for (const [address, { def }] of defs) {
    for (const field of def.fields) {
      const declared =
        field.identity === undefined ? undefined : map.identities.get(field.identity);
      if (declared) {
        const ref = {
          collection: address,
          field,
          kind: declared,
          shared: declared.shared || field.shared === true,
        };
        push(identityFields, declared.name, ref);
        push(identityCarriers, address, ref);
        if (!ref.shared || declared.shared) push(identitySources, address, ref);
      }
      if (!field.references) continue;
      const target = formatCollectionAddress(field.references);
      const targetField = fieldOf(target, field.references.field);
      if (!targetField) continue; // validation rejects this; a sourceless target is not walked
      const down = field.follow === 'down' || field.follow === 'both';
      const carried =
        targetField.identity === undefined ? undefined : map.identities.get(targetField.identity);
      if (carried && !declared) {
        const sharedField = targetField.shared === true;
        const ref = {
          collection: address,
          field,
          kind: carried,
          shared: carried.shared || sharedField,
        };
        push(identityCarriers, address, ref);
        // An `up`/`none` reference points at someone related (a parent's card), not at the
        // person: seeding its value would merge the two (docs/traversal.md). A value of a
        // shared kind (a device id) still seeds, since it only ever finds terminal rows.
        if (carried.shared || (down && !sharedField)) push(identitySources, address, ref);
      }
      if (down) {
        push(children, target, { child: address, childField: field, parentField: targetField });
      }
      if (field.follow === 'up' || field.follow === 'both') {
        push(ups, address, { field, target, targetField });
      }
    }
  }

  const nodes = new Map<string, CollectionNode>();
  for (const [address, { system, def }] of defs) {
    nodes.set(address, {
      address,
      system,
      def,
      identitySources: identitySources.get(address) ?? [],
      identityCarriers: identityCarriers.get(address) ?? [],
      children: children.get(address) ?? [],
      ups: ups.get(address) ?? [],
    });
  }
  return { map, nodes, identityFields, subjectCapable: subjectCapableOf(nodes) };
}

function subjectCapableOf(nodes: ReadonlyMap<string, CollectionNode>): Set<string> {
  const capable = new Set<string>();
  for (const node of nodes.values()) {
    if (node.identitySources.some((ref) => ref.field.identity !== undefined && !ref.shared))
      capable.add(node.address);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const address of [...capable]) {
      for (const edge of nodes.get(address)?.children ?? []) {
        if (!capable.has(edge.child)) {
          capable.add(edge.child);
          grew = true;
        }
      }
    }
  }
  return capable;
}

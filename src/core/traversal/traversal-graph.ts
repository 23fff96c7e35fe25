/**
 * The data map seen as a graph the traversal walks (SPEC §5, after Fides' traversal): per
 * queryable collection, where people are found by identity, which references carry an
 * identity, which collections reference it (children) and which it points up to.
 * Built once per data map version; pure.
 */
import type { CollectionDef, DataMap, FieldDef, IdentityKind, SystemDef } from '../datamap/model';
import { formatCollectionAddress } from '../datamap/model';

export interface IdentityFieldRef {
  readonly collection: string;
  readonly field: FieldDef;
  readonly kind: IdentityKind;
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
  /** Fields that declare an identity, and references to a field that does. */
  readonly identitySources: readonly IdentityFieldRef[];
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
        const ref = { collection: address, field, kind: declared };
        push(identityFields, declared.name, ref);
        push(identitySources, address, ref);
      }
      if (!field.references) continue;
      const target = formatCollectionAddress(field.references);
      const targetField = fieldOf(target, field.references.field);
      if (!targetField) continue; // validation rejects this; a sourceless target is not walked
      const carried =
        targetField.identity === undefined ? undefined : map.identities.get(targetField.identity);
      if (carried && !declared)
        push(identitySources, address, { collection: address, field, kind: carried });
      if (field.follow === 'down' || field.follow === 'both') {
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
      children: children.get(address) ?? [],
      ups: ups.get(address) ?? [],
    });
  }
  return { map, nodes, identityFields, subjectCapable: subjectCapableOf(nodes) };
}

function subjectCapableOf(nodes: ReadonlyMap<string, CollectionNode>): Set<string> {
  const capable = new Set<string>();
  for (const node of nodes.values()) {
    if (node.identitySources.some((ref) => ref.field.identity !== undefined && !ref.kind.shared))
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

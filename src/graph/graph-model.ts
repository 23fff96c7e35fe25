/**
 * The subject graph's shape, derived from the data map and the sources' column types
 * (SPEC §5): one object type per collection, one per system, `Subject` on top. Both the
 * SDL emitter and the resolvers read this model, so names are decided in one place.
 */
import type {
  CollectionDef,
  DataMap,
  FieldDef,
  FieldType,
  IdentityFormat,
  SystemDef,
} from '../core/datamap/model';
import { formatCollectionAddress } from '../core/datamap/model';
import type { TableDescription } from '../sources/connector';
import { NameAllocator, toGraphqlName, toTypeName } from './graphql-names';

/** Type names the generated graph never takes: GraphQL's own, ours, the control plane's. */
export const RESERVED_TYPE_NAMES = [
  'Query',
  'Mutation',
  'Subscription',
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
  'DateTime',
  'LocalDate',
  'JSON',
  'UUID',
  'Subject',
  'FoundIdentity',
  'IdentityInput',
  'IdentityKind',
];
/** The control plane's types all start with this prefix; generated types never do. */
export const CONTROL_PLANE_PREFIX = 'Catalog';

export type GraphFieldTarget =
  | { readonly kind: 'column'; readonly field: FieldDef; readonly type: FieldType }
  | {
      readonly kind: 'parent';
      readonly field: FieldDef;
      readonly target: string;
      readonly targetField: FieldDef;
    }
  | {
      readonly kind: 'children';
      readonly child: string;
      readonly childField: FieldDef;
      readonly parentField: FieldDef;
    };

export interface GraphField {
  readonly name: string;
  readonly target: GraphFieldTarget;
}

export interface CollectionType {
  readonly name: string;
  readonly address: string;
  readonly system: SystemDef;
  readonly def: CollectionDef;
  readonly fields: readonly GraphField[];
}

export interface SystemType {
  readonly name: string;
  /** The field on `Subject`. */
  readonly fieldName: string;
  readonly def: SystemDef;
  readonly collections: readonly { readonly fieldName: string; readonly type: CollectionType }[];
}

export interface IdentityEnumValue {
  readonly name: string;
  readonly kind: string;
  readonly format: IdentityFormat;
  readonly shared: boolean;
}

export interface GraphModel {
  readonly systems: readonly SystemType[];
  readonly collections: ReadonlyMap<string, CollectionType>;
  readonly identityKinds: readonly IdentityEnumValue[];
}

/** `describe`: table name → columns, per system key; a missing entry falls back to the
 * field's declared type, then to `string`. */
export function buildGraphModel(
  map: DataMap,
  describe: ReadonlyMap<string, readonly TableDescription[]>,
): GraphModel {
  const typeNames = new NameAllocator(RESERVED_TYPE_NAMES);
  const systemFields = new NameAllocator(['identities']);
  const queryable = map.systems.filter((system) => system.source && system.collections.length > 0);
  const collections = new Map<string, CollectionType>();
  const fieldLists = new Map<string, GraphField[]>();
  const systems: SystemType[] = [];
  const allocators = new Map<string, NameAllocator>();

  for (const system of queryable) {
    const systemName = system.graphqlName ?? toGraphqlName(system.key);
    const collectionFields = new NameAllocator();
    const members: { fieldName: string; type: CollectionType }[] = [];
    for (const def of system.collections) {
      const address = formatCollectionAddress(def.address);
      const collectionName = def.graphqlName ?? toGraphqlName(def.key);
      const typeName = typeNames.allocate(
        avoidPrefix(toTypeName(systemName) + toTypeName(collectionName)),
      );
      const tables = describe.get(system.key) ?? [];
      const columns = tables.find((table) => table.table === def.table)?.columns ?? [];
      const names = new NameAllocator();
      allocators.set(address, names);
      const fields: GraphField[] = def.fields.map((field) => ({
        name: names.allocate(field.graphqlName ?? toGraphqlName(field.key)),
        target: {
          kind: 'column',
          field,
          type:
            columns.find((column) => column.column === field.column)?.type ??
            field.type ??
            'string',
        },
      }));
      fieldLists.set(address, fields);
      const type: CollectionType = { name: typeName, address, system, def, fields };
      collections.set(address, type);
      members.push({ fieldName: collectionFields.allocate(collectionName), type });
    }
    systems.push({
      name: typeNames.allocate(avoidPrefix(`${toTypeName(systemName)}Data`)),
      fieldName: systemFields.allocate(systemName),
      def: system,
      collections: members,
    });
  }

  addNavigation(collections, fieldLists, allocators);
  const kindNames = new NameAllocator();
  const identityKinds = [...map.identities.values()].map((kind) => ({
    name: kindNames.allocate(toGraphqlName(kind.name)),
    kind: kind.name,
    format: kind.format,
    shared: kind.shared,
  }));
  return { systems, collections, identityKinds };
}

/** References become navigation both ways: `<field>_ref` up to the referenced row, and
 * `<system>_<collection>_by_<field>` down to the rows that reference this one. */
function addNavigation(
  collections: ReadonlyMap<string, CollectionType>,
  fieldLists: ReadonlyMap<string, GraphField[]>,
  allocators: ReadonlyMap<string, NameAllocator>,
): void {
  for (const [address, type] of collections) {
    for (const field of type.def.fields) {
      if (!field.references) continue;
      const target = formatCollectionAddress(field.references);
      const targetType = collections.get(target);
      const targetField = targetType?.def.fields.find((f) => f.key === field.references?.field);
      if (!targetType || !targetField) continue;
      const fieldName = type.fields.find(
        (f) => f.target.kind === 'column' && f.target.field === field,
      )?.name;
      fieldLists.get(address)?.push({
        name:
          allocators.get(address)?.allocate(`${fieldName ?? toGraphqlName(field.key)}_ref`) ?? '',
        target: { kind: 'parent', field, target, targetField },
      });
      const childName = `${toGraphqlName(type.system.key)}_${toGraphqlName(type.def.key)}_by_${fieldName ?? toGraphqlName(field.key)}`;
      fieldLists.get(target)?.push({
        name: allocators.get(target)?.allocate(childName) ?? '',
        target: { kind: 'children', child: address, childField: field, parentField: targetField },
      });
    }
  }
}

function avoidPrefix(name: string): string {
  return name.startsWith(CONTROL_PLANE_PREFIX) ? `Data${name}` : name;
}

/**
 * What a `subject`/`subjects` field asks for, as collection address → field keys, read
 * from the operation's AST (fragments included). The traversal then reads exactly these
 * fields plus its join keys (SPEC §5). Cached per AST node: Apollo reuses the parsed
 * document of a repeated operation, so the walk happens once per distinct operation.
 */
import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import type { GraphModel } from './graph-model';

export type Selection = Map<string, Set<string>>;

interface TypeIndex {
  subjectFields: Map<string, string | 'identities'>; // field → system type name
  systemFields: Map<string, Map<string, string>>; // system type → field → collection address
  collectionFields: Map<string, Map<string, { key?: string; nav?: string }>>; // address → field → key | nav target
  typeToAddress: Map<string, string>;
}

const indexes = new WeakMap<GraphModel, TypeIndex>();

function indexOf(model: GraphModel): TypeIndex {
  const cached = indexes.get(model);
  if (cached) return cached;
  const index: TypeIndex = {
    subjectFields: new Map([['identities', 'identities']]),
    systemFields: new Map(),
    collectionFields: new Map(),
    typeToAddress: new Map(),
  };
  for (const system of model.systems) {
    index.subjectFields.set(system.fieldName, system.name);
    index.systemFields.set(
      system.name,
      new Map(system.collections.map((c) => [c.fieldName, c.type.address])),
    );
  }
  for (const type of model.collections.values()) {
    index.typeToAddress.set(type.name, type.address);
    const fields = new Map<string, { key?: string; nav?: string }>();
    for (const field of type.fields) {
      const target = field.target;
      if (target.kind === 'column') fields.set(field.name, { key: target.field.key });
      else if (target.kind === 'parent') fields.set(field.name, { nav: target.target });
      else fields.set(field.name, { nav: target.child });
    }
    index.collectionFields.set(type.address, fields);
  }
  indexes.set(model, index);
  return index;
}

const cache = new WeakMap<FieldNode, Selection>();

export function collectSelection(
  model: GraphModel,
  field: FieldNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): Selection {
  const cached = cache.get(field);
  if (cached) return cached;
  const index = indexOf(model);
  const selection: Selection = new Map();
  const touch = (address: string): Set<string> => {
    const keys = selection.get(address) ?? new Set<string>();
    selection.set(address, keys);
    return keys;
  };

  const walk = (set: SelectionSetNode | undefined, visit: (node: FieldNode) => void): void => {
    for (const node of set?.selections ?? []) {
      if (node.kind === 'Field') visit(node);
      else if (node.kind === 'InlineFragment') walk(node.selectionSet, visit);
      else walk(fragments[node.name.value]?.selectionSet, visit);
    }
  };
  const walkCollection = (address: string, set: SelectionSetNode | undefined): void => {
    const keys = touch(address);
    walk(set, (node) => {
      const target = index.collectionFields.get(address)?.get(node.name.value);
      if (target?.key !== undefined) keys.add(target.key);
      if (target?.nav !== undefined) walkCollection(target.nav, node.selectionSet);
    });
  };

  walk(field.selectionSet, (node) => {
    const system = index.subjectFields.get(node.name.value);
    if (system === 'identities') {
      for (const type of model.collections.values()) {
        if (type.def.fields.some((f) => f.identity !== undefined)) touch(type.address);
      }
    } else if (system !== undefined) {
      walk(node.selectionSet, (member) => {
        const address = index.systemFields.get(system)?.get(member.name.value);
        if (address !== undefined) walkCollection(address, member.selectionSet);
      });
    }
  });
  cache.set(field, selection);
  return selection;
}

export function selectionKey(selection: Selection): string {
  return [...selection]
    .map(([address, keys]) => `${address}:${[...keys].sort().join(',')}`)
    .sort()
    .join(';');
}

/**
 * What the subject graph named each part of the map, so the catalogue can point a reader
 * from a collection to the GraphQL type that serves it. Names are decided in one place
 * (`graph/graph-model.ts`); this only indexes them.
 */
import type { FieldType } from '../../core/datamap/model';
import { formatFieldAddress } from '../../core/datamap/model';
import type { GraphModel } from '../../graph/graph-model';

export interface SubjectNaming {
  /** Collection address → its object type. */
  readonly collectionTypes: ReadonlyMap<string, string>;
  /** System key → its `…Data` type. */
  readonly systemTypes: ReadonlyMap<string, string>;
  /** Field address → its GraphQL field name and the type the graph serves it as. */
  readonly fields: ReadonlyMap<string, { readonly name: string; readonly type: FieldType }>;
}

export const NO_SUBJECT_GRAPH: SubjectNaming = {
  collectionTypes: new Map(),
  systemTypes: new Map(),
  fields: new Map(),
};

export function indexSubjectNaming(graph: GraphModel): SubjectNaming {
  const collectionTypes = new Map<string, string>();
  const fields = new Map<string, { name: string; type: FieldType }>();
  for (const type of graph.collections.values()) {
    collectionTypes.set(type.address, type.name);
    for (const field of type.fields) {
      if (field.target.kind !== 'column') continue;
      fields.set(formatFieldAddress(field.target.field.address), {
        name: field.name,
        type: field.target.type,
      });
    }
  }
  const systemTypes = new Map(
    graph.systems.map((system) => [system.def.key, system.name] as const),
  );
  return { collectionTypes, systemTypes, fields };
}

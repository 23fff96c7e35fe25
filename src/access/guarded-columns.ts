/**
 * Column fields of the subject graph, guarded without graphql-shield's wrapper (SPEC §9's
 * known route: "no per-field promise from middleware where a field needs no check"). The
 * shield wraps every field in an async middleware — an `await` on the rule, another on the
 * resolver — and a lookup answers some eighty column values, each paying for those promises
 * though its decision is a map lookup refined by the row's facts. So after the shield is
 * applied, each column field of each collection type gets a synchronous guard in its place:
 * the same decision the shield's column rule made (`RequestAccess.decide`, which also notes
 * it for the audit event), the same `FORBIDDEN` error naming coordinate and reason for a
 * denied one; a personal field is then presented from that decision (raw or de-identified,
 * `RequestAccess.present`), any other column by its own resolver. Every other field — roots, systems, collections, navigation,
 * identities, the control plane — stays under the shield, its fallback rule denying what no
 * rule names.
 */
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { defaultFieldResolver, isObjectType } from 'graphql';
import { ForbiddenFieldError } from '../errors/error-codes';
import type { GraphModel } from '../graph/graph-model';
import { OWNER, factsOfRow } from '../graph/subject-view';
import type { SubjectView } from '../graph/subject-view';
import type { AccessContext } from './access-context';

type Resolver = GraphQLFieldResolver<unknown, AccessContext>;

/** A column field as its guard serves it: a personal field (one with a category) is
 * presented by the guard from the decision it just made — deciding it again in the field's
 * own resolver would be the same work twice per value; any other column by its resolver. */
export interface ColumnField {
  readonly resolve: Resolver;
  /** The row's key of a personal field; absent for a column that is not personal data. */
  readonly personalKey?: string;
}

/** Each column field of `unguarded` (the schema before the shield), by coordinate. */
export function columnResolvers(
  unguarded: GraphQLSchema,
  model: GraphModel,
): Map<string, ColumnField> {
  const resolvers = new Map<string, ColumnField>();
  for (const type of model.collections.values()) {
    const object = unguarded.getType(type.name);
    if (!isObjectType(object)) continue;
    const fields = object.getFields();
    for (const field of type.fields) {
      if (field.target.kind !== 'column') continue;
      const resolve = (fields[field.name]?.resolve ?? defaultFieldResolver) as Resolver;
      const { key, category } = field.target.field;
      resolvers.set(`${type.name}.${field.name}`, {
        resolve,
        ...(category === undefined ? {} : { personalKey: key }),
      });
    }
  }
  return resolvers;
}

/** Replaces the shield's wrapper of every column field of `guarded` (the schema the shield
 * was applied to) by a synchronous guard around the field's own resolver. */
export function guardColumns(guarded: GraphQLSchema, resolvers: Map<string, ColumnField>): void {
  for (const [coordinate, column] of resolvers) {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const object = guarded.getType(typeName);
    const field = isObjectType(object) ? object.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`guardColumns: ${coordinate} is not in the guarded schema`);
    field.resolve = guardedColumn(coordinate, column);
  }
}

function guardedColumn(coordinate: string, { resolve, personalKey }: ColumnField): Resolver {
  return (row, args, context, info) => {
    const access = context.access;
    const field = access?.table.fields.get(coordinate);
    if (!access || !field) return new ForbiddenFieldError(coordinate, 'NO_RULE');
    // the row's facts (its subject's, or another person's on a row that is not theirs), as
    // the shield's column rule took them
    const facts = factsOfRow(row) ?? (row as { [OWNER]?: SubjectView } | null)?.[OWNER]?.facts;
    const decision = access.decide(field, facts);
    if (decision.effect === 'deny') return new ForbiddenFieldError(coordinate, decision.reason);
    if (personalKey === undefined) return resolve(row, args, context, info);
    return access.present(field, decision, (row as Record<string, unknown>)[personalKey]);
  };
}

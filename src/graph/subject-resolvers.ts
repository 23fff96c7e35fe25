/**
 * Resolvers of the generated subject graph. Root fields collect the selection and load
 * subjects through the request's loader; everything below is in-memory over the traversal
 * result, so nested fields never query a source (no N+1).
 */
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { MAX_IDENTITY_LENGTH } from '../core/identity/canonical';
import type { SeedIdentity } from '../core/traversal/resolve-subjects';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import {
  BadUserInputError,
  SourceUnavailableGraphQLError,
  TraversalLimitError,
} from '../errors/error-codes';
import type { Selection } from './collect-selection';
import { collectSelection } from './collect-selection';
import type { GraphModel } from './graph-model';
import type { SubjectRequest } from './subject-loader';
import type { OwnedRow, SubjectView } from './subject-view';
import { OWNER, rowsOf, rowsWhere, viewOf } from './subject-view';
import type DataLoader from 'dataloader';

export interface SubjectContext {
  readonly subjectLoader: DataLoader<SubjectRequest, SubjectGraph, string>;
}

export interface SubjectResolverOptions {
  readonly maxSubjectsPerRequest: number;
  readonly maxRounds: number;
}

type Resolver = GraphQLFieldResolver<unknown, SubjectContext>;
type ResolverMap = Record<string, Record<string, Resolver>>;

export function buildSubjectResolvers(
  model: GraphModel,
  options: SubjectResolverOptions,
): ResolverMap {
  const inputKinds = new Map(model.identityKinds.map((kind) => [kind.name, kind.kind]));
  const enumNames = new Map(model.identityKinds.map((kind) => [kind.kind, kind.name]));

  const load = async (
    by: Record<string, unknown>,
    context: SubjectContext,
    info: GraphQLResolveInfo,
  ) => {
    const seed = parseIdentityInput(by, inputKinds);
    const graph = await context.subjectLoader.load({ seed, selection: selectionOf(model, info) });
    if (graph.truncated) throw new TraversalLimitError(options.maxRounds);
    const found =
      graph.identities.length > 0 && [...graph.rows.values()].some((rows) => rows.length > 0);
    return found || graph.failures.length > 0 ? viewOf(graph) : null;
  };

  const resolvers: ResolverMap = {
    Query: {
      subject: (_root, args, context, info) =>
        load((args as { by: Record<string, unknown> }).by, context, info),
      subjects: (_root, args, context, info) => {
        const { by } = args as { by: Record<string, unknown>[] };
        if (by.length > options.maxSubjectsPerRequest) {
          throw new BadUserInputError(
            `subjects(by:) accepts at most ${options.maxSubjectsPerRequest} identities per request; got ${by.length}. Split the request.`,
          );
        }
        return Promise.all(by.map((identity) => load(identity, context, info)));
      },
    },
    Subject: {
      identities: (view) =>
        (view as SubjectView).graph.identities.map((identity) => ({
          kind: enumNames.get(identity.kind),
          value: identity.value,
          shared: identity.shared,
        })),
    },
  };

  for (const system of model.systems) {
    const subjectField: Resolver = (view) => {
      const failure = (view as SubjectView).graph.failures.find((f) => f.system === system.def.key);
      if (failure) throw new SourceUnavailableGraphQLError(system.def.key, system.def.name);
      return view;
    };
    (resolvers.Subject as Record<string, Resolver>)[system.fieldName] = subjectField;
    resolvers[system.name] = Object.fromEntries(
      system.collections.map(({ fieldName, type }) => [
        fieldName,
        (view: unknown) => rowsOf(view as SubjectView, type.address),
      ]),
    );
  }

  for (const type of model.collections.values()) {
    const fields: Record<string, Resolver> = {};
    for (const field of type.fields) {
      const target = field.target;
      if (target.kind === 'column' && field.name !== target.field.key) {
        const key = target.field.key;
        fields[field.name] = (row) => (row as OwnedRow)[key];
      } else if (target.kind === 'parent') {
        fields[field.name] = (row) => {
          const owned = row as OwnedRow;
          return (
            rowsWhere(
              owned[OWNER],
              target.target,
              target.targetField.key,
              owned[target.field.key],
            )[0] ?? null
          );
        };
      } else if (target.kind === 'children') {
        fields[field.name] = (row) => {
          const owned = row as OwnedRow;
          return rowsWhere(
            owned[OWNER],
            target.child,
            target.childField.key,
            owned[target.parentField.key],
          );
        };
      }
    }
    if (Object.keys(fields).length > 0) resolvers[type.name] = fields;
  }
  return resolvers;
}

function selectionOf(model: GraphModel, info: GraphQLResolveInfo): Selection {
  if (info.fieldNodes.length === 1 && info.fieldNodes[0]) {
    return collectSelection(model, info.fieldNodes[0], info.fragments);
  }
  const merged: Selection = new Map();
  for (const node of info.fieldNodes) {
    for (const [address, keys] of collectSelection(model, node, info.fragments)) {
      merged.set(address, new Set([...(merged.get(address) ?? []), ...keys]));
    }
  }
  return merged;
}

function parseIdentityInput(
  by: Record<string, unknown>,
  kinds: ReadonlyMap<string, string>,
): SeedIdentity {
  const given = Object.entries(by).filter(([, value]) => value !== null && value !== undefined);
  if (given.length !== 1) {
    throw new BadUserInputError(
      `IdentityInput takes exactly one identity (one of: ${[...kinds.keys()].join(', ')}).`,
    );
  }
  const [name, value] = given[0] as [string, unknown];
  const kind = kinds.get(name);
  if (kind === undefined || typeof value !== 'string')
    throw new BadUserInputError(`Unknown identity "${name}".`);
  if (value.length > MAX_IDENTITY_LENGTH) {
    throw new BadUserInputError(
      `The ${name} identity is longer than ${MAX_IDENTITY_LENGTH} characters; no identity is that long.`,
    );
  }
  return { kind, value };
}

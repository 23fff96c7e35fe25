/**
 * Resolvers of the generated subject graph. Root fields collect the selection and load
 * subjects through the request's loader; everything below is in-memory over the traversal
 * result, so nested fields never query a source (no N+1).
 */
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { MAX_IDENTITY_LENGTH } from '../core/identity/canonical';
import type { SeedIdentity } from '../core/traversal/resolve-subjects';
import { InvalidTokenError } from '../core/deidentify/tokenize';
import type { AccessContext } from '../access/access-context';
import { filterSelection } from '../access/filter-selection';
import { checkLookupKind } from '../access/lookup-kinds';
import { IDENTITY_KIND } from '../access/identity-values';
import {
  BadUserInputError,
  SourceUnavailableGraphQLError,
  TraversalLimitError,
} from '../errors/error-codes';
import type { Selection } from './collect-selection';
import { collectSelection } from './collect-selection';
import type { GraphModel } from './graph-model';
import type { LoadedSubject, SubjectRequest } from './subject-loader';
import type { OwnedRow, SubjectView } from './subject-view';
import { OWNER, factsOfRow, rowsOf, rowsWhere, viewOf } from './subject-view';
import type DataLoader from 'dataloader';

export interface SubjectContext extends AccessContext {
  readonly subjectLoader: DataLoader<SubjectRequest, LoadedSubject, string>;
}

export interface SubjectResolverOptions {
  readonly maxSubjectsPerRequest: number;
  readonly maxRounds: number;
  /** Date-of-birth fields by collection (read for age-dependent decisions). */
  readonly dateOfBirthFields?: ReadonlyMap<string, readonly string[]>;
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
    if (context.access)
      checkLookupKind(context.access, seed.kind, enumNames.get(seed.kind) ?? seed.kind);
    const selected = selectionOf(model, info);
    const selection = context.access
      ? filterSelection(selected, context.access.table, options.dateOfBirthFields ?? new Map())
      : selected;
    const { graph, facts } = await context.subjectLoader.load({
      seed,
      selection,
      ...(context.access ? { purposeRequiresConsent: context.access.table.requiresConsent } : {}),
    });
    if (graph.truncated) throw new TraversalLimitError(options.maxRounds);
    const found =
      graph.identities.length > 0 && [...graph.rows.values()].some((rows) => rows.length > 0);
    return found || graph.failures.length > 0 ? viewOf(graph, facts) : null;
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
          [IDENTITY_KIND]: identity.kind,
          [OWNER]: view,
        })),
    },
    FoundIdentity: {
      value: (identity, _args, context) => {
        const found = identity as { value: string; [IDENTITY_KIND]: string; [OWNER]: SubjectView };
        const access = context.access;
        const field = access?.table.identities.get(found[IDENTITY_KIND]);
        if (!access || !field) return found.value;
        const decision = access.decide(field, found[OWNER].facts);
        return decision.effect === 'deny' ? null : access.present(field, decision, found.value);
      },
    },
    Mutation: {
      reidentify: (_root, args, context) => {
        if (!context.access) return null;
        try {
          return context.access.reidentify((args as { token: string }).token);
        } catch (error) {
          if (error instanceof InvalidTokenError) {
            throw new BadUserInputError(
              'Not a valid token of this deployment (tampered, or made with another key).',
            );
          }
          throw error;
        }
      },
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
      if (target.kind === 'column' && target.field.category !== undefined) {
        fields[field.name] = personalFieldResolver(type.address, target.field.key);
      } else if (target.kind === 'column' && field.name !== target.field.key) {
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

/** A personal field: the value as the caller's decision for this subject allows — raw,
 * de-identified, or null (a denied field never reaches here: the shield stops it). */
function personalFieldResolver(address: string, key: string): Resolver {
  return (row, _args, context) => {
    const owned = row as OwnedRow;
    const access = context.access;
    const field = access?.table.byCollection.get(address)?.get(key);
    if (!access || !field) return textOf(owned[key]);
    const decision = access.decide(field, factsOfRow(owned));
    return decision.effect === 'deny' ? null : access.present(field, decision, owned[key]);
  };
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
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

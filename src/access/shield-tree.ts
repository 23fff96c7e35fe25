/**
 * The graphql-shield rule tree generated from the graph model (SPEC §4.6): every field of
 * the schema has an explicit rule, so `fallbackRule: deny` only catches what this generator
 * missed. Decisions are looked up in the request's precomputed table and refined by the
 * row's subject (consent, age); a denied field is null plus a FORBIDDEN error naming its
 * coordinate and reason — never its value.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { IRuleFieldMap, IRuleTypeMap } from 'graphql-shield/typings/types';
import { allow, rule, shield } from 'graphql-shield';
import type { Capability } from '../core/policy/model';
import { ForbiddenFieldError } from '../errors/error-codes';
import type { GraphModel } from '../graph/graph-model';
import { OWNER, factsOfRow } from '../graph/subject-view';
import type { SubjectView } from '../graph/subject-view';
import type { AccessContext } from './access-context';
import { IDENTITY_KIND } from './identity-values';

type Ctx = AccessContext;

/** A row's fields are decided with the row's facts (its subject's, or another person's on a
 * row that is not theirs); an identity's with its subject's. */
const factsOf = (parent: unknown) =>
  factsOfRow(parent) ?? (parent as { [OWNER]?: SubjectView } | null)?.[OWNER]?.facts;

const columnRule = (coordinate: string) =>
  rule({ cache: 'no_cache' })((row, _args, ctx: Ctx) => {
    const field = ctx.access?.table.fields.get(coordinate);
    if (!ctx.access || !field) return new ForbiddenFieldError(coordinate, 'NO_RULE');
    const decision = ctx.access.decide(field, factsOf(row));
    return decision.effect === 'deny' ? new ForbiddenFieldError(coordinate, decision.reason) : true;
  });

/** A collection (or a navigation into it) is readable when one of its fields is — and, for a
 * consent-gated purpose, only for a subject who consented, so no row count leaks. */
const collectionRule = (coordinate: string, address: string) =>
  rule({ cache: 'no_cache' })((parent, _args, ctx: Ctx) => {
    const access = ctx.access;
    const collection = access?.table.collections.get(address);
    if (!access || !collection) return new ForbiddenFieldError(coordinate, 'NO_RULE');
    const facts = factsOf(parent) ?? (parent as SubjectView | null)?.facts;
    const refused = !collection.readable
      ? (collection.reason ?? 'NO_RULE')
      : access.table.requiresConsent && !access.consents(facts)
        ? 'NO_CONSENT'
        : undefined;
    if (refused === undefined) return true;
    access.refuseCollection(facts, coordinate, refused);
    return new ForbiddenFieldError(coordinate, refused);
  });

const identityValueRule = rule({ cache: 'no_cache' })((identity, _args, ctx: Ctx) => {
  const kind = (identity as { [IDENTITY_KIND]?: string })[IDENTITY_KIND] ?? '';
  const field = ctx.access?.table.identities.get(kind);
  if (!ctx.access || !field) return new ForbiddenFieldError('FoundIdentity.value', 'NO_RULE');
  const decision = ctx.access.decide(field, factsOf(identity));
  return decision.effect === 'deny'
    ? new ForbiddenFieldError('FoundIdentity.value', decision.reason)
    : true;
});

const hasPurpose = rule({ cache: 'contextual' })((_parent, _args, ctx: Ctx) =>
  ctx.access ? true : new ForbiddenFieldError('Query.subject', 'PURPOSE_NOT_ALLOWED'),
);

const authenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: Ctx) =>
  ctx.principal ? true : new ForbiddenFieldError('Query', 'UNAUTHENTICATED'),
);

export const capabilityRule = (capability: Capability, coordinate: string) =>
  rule({ cache: 'contextual' })((_parent, _args, ctx: Ctx) =>
    ctx.access?.may(capability)
      ? true
      : new ForbiddenFieldError(coordinate, `CAPABILITY:${capability}`),
  );

export interface ShieldTreeOptions {
  readonly model: GraphModel;
  /** Object types of the control plane: allowed field by field, because their root fields
   * are guarded (`Query.*` below, `controlMutations`) and their resolvers check the
   * capability (src/control/requests/authorize-request-call.ts). */
  readonly controlTypes: readonly string[];
  /** Root mutations of the control plane: each needs an authenticated caller here, and its
   * capability in its resolver. Listed by name, so a mutation nobody listed stays denied. */
  readonly controlMutations?: readonly string[];
}

export function buildShieldTree(options: ShieldTreeOptions): IRuleTypeMap {
  const { model } = options;
  const tree: IRuleTypeMap = {
    Query: { subject: hasPurpose, subjects: hasPurpose, '*': authenticated },
    Mutation: {
      reidentify: capabilityRule('reidentify', 'Mutation.reidentify'),
      ...Object.fromEntries((options.controlMutations ?? []).map((name) => [name, authenticated])),
    },
    Subject: allow,
    FoundIdentity: { kind: allow, shared: allow, value: identityValueRule },
  };
  for (const type of options.controlTypes) tree[type] = allow;
  for (const system of model.systems) {
    const fields: IRuleFieldMap = {};
    for (const { fieldName, type } of system.collections) {
      fields[fieldName] = collectionRule(`${system.name}.${fieldName}`, type.address);
    }
    tree[system.name] = fields;
  }
  for (const type of model.collections.values()) {
    const fields: IRuleFieldMap = {};
    for (const field of type.fields) {
      const coordinate = `${type.name}.${field.name}`;
      const target = field.target;
      if (target.kind === 'column') fields[field.name] = columnRule(coordinate);
      else
        fields[field.name] = collectionRule(
          coordinate,
          target.kind === 'parent' ? target.target : target.child,
        );
    }
    tree[type.name] = fields;
  }
  return tree;
}

export function createShield(options: ShieldTreeOptions) {
  return shield(buildShieldTree(options), {
    fallbackRule: rule({ cache: 'no_cache' })(() => false),
    fallbackError: (
      _error: unknown,
      _parent: unknown,
      _args: unknown,
      _ctx: unknown,
      info: GraphQLResolveInfo,
    ) => new ForbiddenFieldError(`${info.parentType.name}.${info.fieldName}`, 'NO_RULE'),
    // our resolvers' own GraphQL errors (SOURCE_UNAVAILABLE, BAD_USER_INPUT) pass through
    allowExternalErrors: true,
  });
}

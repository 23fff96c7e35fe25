/**
 * Decisions per (role, purpose, coordinate), computed once per policy and data-map version
 * (SPEC §4.6): a field check at request time is a map lookup, refined only by the
 * subject's own facts (consent, age). Pure over the policy, the map and the graph model.
 */
import type { FieldDef, IdentityFormat } from '../core/datamap/model';
import { defaultMethodFor } from '../core/deidentify/default-method';
import type { DeidentifyMethod } from '../core/deidentify/method';
import { decideStatic } from '../core/policy/decide-static';
import type { Decision, DecisionReason } from '../core/policy/decision';
import type { Policy } from '../core/policy/model';
import { resolveAccess, restrictivenessOf } from '../core/policy/restrictiveness';
import type { GraphModel } from '../graph/graph-model';

export interface FieldAccess {
  /** The schema coordinate, `AccountsUsers.email` (or `FoundIdentity.value:<kind>`). */
  readonly coordinate: string;
  readonly collection: string;
  readonly key: string;
  readonly category?: string;
  readonly identityFormat?: IdentityFormat;
  readonly defaultMethod: DeidentifyMethod;
  readonly decision: Decision;
}

export interface CollectionAccess {
  readonly readable: boolean;
  /** Why not, when not readable: the reason shared by its fields, else NO_RULE. */
  readonly reason?: DecisionReason;
}

export interface AccessTable {
  readonly role: string;
  readonly purpose: string;
  readonly policyVersion: string;
  readonly requiresConsent: boolean;
  readonly fields: ReadonlyMap<string, FieldAccess>;
  /** collection address → field key → access */
  readonly byCollection: ReadonlyMap<string, ReadonlyMap<string, FieldAccess>>;
  readonly collections: ReadonlyMap<string, CollectionAccess>;
  /** identity kind → how its values may be shown in `Subject.identities` */
  readonly identities: ReadonlyMap<string, FieldAccess>;
}

export function compileAccessTable(
  policy: Policy,
  model: GraphModel,
  role: string,
  purpose: string,
): AccessTable {
  const fields = new Map<string, FieldAccess>();
  const byCollection = new Map<string, Map<string, FieldAccess>>();
  const collections = new Map<string, CollectionAccess>();
  const identityCandidates = new Map<string, FieldAccess[]>();
  const formatOf = new Map<string, IdentityFormat>();
  for (const type of model.collections.values()) {
    const perKey = new Map<string, FieldAccess>();
    for (const field of type.fields) {
      if (field.target.kind !== 'column') continue;
      const def: FieldDef = field.target.field;
      // a reference takes its target identity's canonical form, so hashes still join
      const heldKind = def.identity ?? def.heldIdentity;
      const identityFormat =
        heldKind === undefined ? undefined : identityFormatOf(model, heldKind, formatOf);
      const defaultMethod = defaultMethodFor(def.category, identityFormat);
      const access: FieldAccess = {
        coordinate: `${type.name}.${field.name}`,
        collection: type.address,
        key: def.key,
        ...(def.category === undefined ? {} : { category: def.category }),
        ...(identityFormat === undefined ? {} : { identityFormat }),
        defaultMethod,
        decision: decideStatic(policy, {
          role,
          purpose,
          category: def.category,
          collectionPurposes: type.def.purposes,
          defaultMethod,
        }),
      };
      fields.set(access.coordinate, access);
      perKey.set(def.key, access);
      if (def.identity !== undefined)
        identityCandidates.set(def.identity, [
          ...(identityCandidates.get(def.identity) ?? []),
          access,
        ]);
    }
    byCollection.set(type.address, perKey);
    collections.set(type.address, collectionAccessOf([...perKey.values()]));
  }
  const identities = new Map<string, FieldAccess>();
  for (const [kind, candidates] of identityCandidates) {
    // Purpose limitation is about collections: an identity is shown as strictly as the
    // strictest field that holds it among the collections this purpose may read.
    const inScope = candidates.filter((c) => c.decision.reason !== 'PURPOSE_MISMATCH');
    const pool = inScope.length > 0 ? inScope : candidates;
    const strictest = pool.reduce((a, b) =>
      strictness(b.decision) > strictness(a.decision) ? b : a,
    );
    identities.set(kind, { ...strictest, coordinate: 'FoundIdentity.value' });
  }
  return {
    role,
    purpose,
    policyVersion: policy.contentHash,
    requiresConsent: policy.purposes.get(purpose)?.requiresConsent === true,
    fields,
    byCollection,
    collections,
    identities,
  };
}

/** A collection none of whose fields the role may read is itself denied (SPEC §4.4). */
function collectionAccessOf(fields: readonly FieldAccess[]): CollectionAccess {
  if (fields.some((field) => field.decision.effect !== 'deny')) return { readable: true };
  const reasons = new Set(fields.map((field) => field.decision.reason));
  const [only] = reasons;
  return { readable: false, reason: reasons.size === 1 && only !== undefined ? only : 'NO_RULE' };
}

function strictness(decision: Decision): number {
  if (decision.effect === 'allow') return restrictivenessOf('allow');
  if (decision.effect === 'deny') return restrictivenessOf('deny');
  return restrictivenessOf(resolveAccess(decision.method ?? 'redact', 'redact'));
}

function identityFormatOf(
  model: GraphModel,
  kind: string,
  cache: Map<string, IdentityFormat>,
): IdentityFormat | undefined {
  const cached = cache.get(kind);
  if (cached) return cached;
  const format = model.identityKinds.find((k) => k.kind === kind)?.format;
  if (format) cache.set(kind, format);
  return format;
}

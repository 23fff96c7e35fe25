/**
 * The request pipeline's privacy step (an Apollo plugin, after envelop's pattern):
 * - before execution: the operation's purpose must be given and be one of the caller's
 *   role's purposes (SPEC §4.2), else PURPOSE_NOT_ALLOWED and nothing executes;
 * - after execution: one FORBIDDEN error per coordinate (the first path and a count, never
 *   one per row, SPEC §4.4) and `extensions.privacy` listing what was de-identified or
 *   denied, under which policy and data-map versions.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FragmentDefinitionNode, GraphQLFormattedError } from 'graphql';
import { GraphQLError, Kind } from 'graphql';
import type { DeidentifyKeys } from '../core/deidentify/keys';
import type { Policy } from '../core/policy/model';
import { PrivgraphErrorCode, PurposeNotAllowedError } from '../errors/error-codes';
import type { GraphModel } from '../graph/graph-model';
import type { AccessContext } from './access-context';
import type { AccessTable } from './access-table';
import { compileAccessTable } from './access-table';
import { PURPOSE_HEADER, operationPurpose, touchesPersonalData } from './operation-purpose';
import { RequestAccess } from './request-access';
import { readAuditEvents } from './read-audit-events';
import type { AuditEventContent } from '../core/audit/audit-event';
import { randomUUID } from 'node:crypto';

export interface PrivacyPluginOptions {
  readonly policy: Policy;
  readonly model: GraphModel;
  readonly keys: DeidentifyKeys;
  readonly dataMapVersion: string;
  /** Durably records the operation's audit events (src/audit, group commit); the response
   * waits for it, and is withheld when it fails (SPEC §7: durable before the data leaves). */
  readonly audit?: (events: readonly AuditEventContent[]) => Promise<void>;
}

export function createPrivacyPlugin<TContext extends AccessContext>(
  options: PrivacyPluginOptions,
): ApolloServerPlugin<TContext> {
  const tables = new Map<string, AccessTable>();
  const tableFor = (role: string, purpose: string): AccessTable => {
    const key = `${role}\u0000${purpose}`;
    let table = tables.get(key);
    if (!table) {
      table = compileAccessTable(options.policy, options.model, role, purpose);
      tables.set(key, table);
    }
    return table;
  };

  return {
    async requestDidStart() {
      const requestId = randomUUID();
      return {
        async didResolveOperation(request) {
          const context = request.contextValue;
          const access = authorise(request, options.policy, tableFor, options);
          if (access) context.access = access;
        },
        async willSendResponse(request) {
          if (request.response.body.kind !== 'single') return;
          const result = request.response.body.singleResult;
          const { errors, denied } = foldForbidden(result.errors);
          if (errors) result.errors = errors;
          const access = request.contextValue.access;
          if (!access) return;
          if (options.audit) {
            const events = readAuditEvents(access, {
              requestId,
              ...(request.operationName ? { operationName: request.operationName } : {}),
              policyVersion: options.policy.contentHash,
              dataMapVersion: options.dataMapVersion,
              at: new Date(),
            });
            try {
              await options.audit(events);
            } catch {
              // no audit, no data: the response that would carry it is withheld
              result.data = null;
              result.errors = [
                new GraphQLError(
                  'The audit trail could not be written; the response is withheld. Try again.',
                  {
                    extensions: { code: PrivgraphErrorCode.AUDIT_UNAVAILABLE },
                  },
                ),
              ];
              return;
            }
          }
          result.extensions = {
            ...result.extensions,
            privacy: {
              policyVersion: options.policy.contentHash,
              dataMapVersion: options.dataMapVersion,
              role: access.principal.role,
              purpose: access.purpose,
              requestId,
              deidentified: [...access.tally.deidentified].map(([coordinate, entry]) => ({
                coordinate,
                method: entry.method,
                count: entry.count,
              })),
              denied,
            },
          };
        },
      };
    },
  };
}

function authorise<TContext extends AccessContext>(
  request: GraphQLRequestContext<TContext>,
  policy: Policy,
  tableFor: (role: string, purpose: string) => AccessTable,
  options: PrivacyPluginOptions,
): RequestAccess | undefined {
  const operation = request.operation;
  if (!operation || !request.document) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of request.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const header = request.request.http?.headers.get(PURPOSE_HEADER) ?? undefined;
  const declared = operationPurpose(operation, header, request.request.variables ?? {});
  if (declared.kind === 'conflict') {
    throw new PurposeNotAllowedError(
      `The operation declares purpose "${declared.directive}" but the ${PURPOSE_HEADER} header says "${declared.header}"; they must agree.`,
    );
  }
  if (declared.kind === 'invalid') throw new PurposeNotAllowedError(declared.message);
  if (declared.kind === 'none' && !touchesPersonalData(operation, fragments)) return undefined;
  const principal = request.contextValue.principal;
  if (!principal) {
    throw new GraphQLError('Authentication required: send Authorization: Bearer <token>.', {
      extensions: { code: PrivgraphErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  const role = policy.roles.get(principal.role);
  if (!role) {
    throw new GraphQLError(`Role "${principal.role}" is not a role of the policy.`, {
      extensions: { code: PrivgraphErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
  if (declared.kind === 'none') {
    throw new PurposeNotAllowedError(
      `Declare the purpose of this operation: \`query Q @purpose(name: "…") { … }\` or the ${PURPOSE_HEADER} header. Role "${role.key}" may use: ${role.purposes.join(', ')}.`,
    );
  }
  if (!role.purposes.includes(declared.purpose)) {
    throw new PurposeNotAllowedError(
      `Purpose "${declared.purpose}" is not one of role "${role.key}"'s purposes (${role.purposes.join(', ')}).`,
    );
  }
  return new RequestAccess(
    principal,
    declared.purpose,
    tableFor(role.key, declared.purpose),
    options.keys,
    options.dataMapVersion,
    role.may,
  );
}

/** One FORBIDDEN error per coordinate: the first, with how many places it stood for. */
function foldForbidden(errors: readonly GraphQLFormattedError[] | undefined): {
  errors?: GraphQLFormattedError[];
  denied: { coordinate: string; reason: string; count: number }[];
} {
  if (!errors) return { denied: [] };
  const byCoordinate = new Map<string, { error: GraphQLFormattedError; count: number }>();
  const kept: (GraphQLFormattedError | string)[] = [];
  for (const error of errors) {
    const coordinate =
      error.extensions?.code === PrivgraphErrorCode.FORBIDDEN
        ? error.extensions.coordinate
        : undefined;
    if (typeof coordinate !== 'string') {
      kept.push(error);
      continue;
    }
    const seen = byCoordinate.get(coordinate);
    if (seen) seen.count++;
    else {
      byCoordinate.set(coordinate, { error, count: 1 });
      kept.push(coordinate);
    }
  }
  const folded = kept.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const { error, count } = byCoordinate.get(entry) as {
      error: GraphQLFormattedError;
      count: number;
    };
    return { ...error, extensions: { ...error.extensions, count } };
  });
  const denied = [...byCoordinate].map(([coordinate, { error, count }]) => ({
    coordinate,
    reason: String(error.extensions?.reason ?? 'NO_RULE'),
    count,
  }));
  return { errors: folded, denied };
}

/**
 * The gateway as an in-process object: the merged schema, Apollo Server, and the factory of
 * per-request contexts. `start-gateway.ts` wires it to the store, the embedded database and
 * HTTP; tests drive it directly with `executeOperation` or over HTTP.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '../access/authentication';
import type { ControlContext, ControlPlaneContext } from '../control';
import type { ControlAudit } from '../control/control-context';
import { buildControlSchema, mergeGatewaySchemas } from '../control';
import type { DataMap } from '../core/datamap/model';
import { buildTraversalGraph } from '../core/traversal/traversal-graph';
import type { SubjectSchema } from '../graph/build-subject-schema';
import { buildSubjectSchema } from '../graph/build-subject-schema';
import type { SourceRegistry } from '../graph/source-registry';
import type { SubjectContext } from '../graph/subject-resolvers';
import type { TraversalRuntime } from '../graph/subject-loader';
import type { FactsRequest } from '../graph/subject-loader';
import { createSubjectLoader } from '../graph/subject-loader';
import type { TableDescription } from '../sources/connector';
import { compiledGateway } from './compiled-executor';
import { createFormatError } from './format-error';
import { applyMiddleware } from 'graphql-middleware';
import { isObjectType } from 'graphql';
import { createPrivacyPlugin } from '../access/privacy-plugin';
import type { AuditEventContent } from '../core/audit/audit-event';
import { createShield } from '../access/shield-tree';
import { columnResolvers, guardColumns } from '../access/guarded-columns';
import type { ConsentReader } from '../access/subject-facts';
import { dateOfBirthFields, loadSubjectFacts, minorCutoffDate } from '../access/subject-facts';
import type { DeidentifyKeys } from '../core/deidentify/keys';
import type { Policy } from '../core/policy/model';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { RequestsRuntime } from '../requests';

export type GatewayContext = SubjectContext & ControlPlaneContext;

export interface GatewayAppOptions {
  readonly map: DataMap;
  readonly sources: SourceRegistry;
  readonly descriptions: ReadonlyMap<string, readonly TableDescription[]>;
  readonly maxSubjectsPerRequest: number;
  readonly maxRounds: number;
  /** Extra schema merged beside the subject graph (the control plane). */
  readonly mergeSchema?: (subject: GraphQLSchema) => GraphQLSchema;
  readonly log?: (message: string) => void;
  readonly introspection?: boolean;
  /** Field-level access (SPEC §4): with a policy, every field is decided per (role,
   * purpose, category, subject) and enforced by graphql-shield. */
  readonly access?: {
    readonly policy: Policy;
    readonly keys: DeidentifyKeys;
    /** Consent state from the gateway's store, for groups of subject keys. */
    readonly readConsents: ConsentReader;
    /** The clock ages are computed against (tests pin it). */
    readonly now?: () => Date;
    /** Records each operation's audit events durably before its response leaves (SPEC §7). */
    readonly audit?: (events: readonly AuditEventContent[]) => Promise<void>;
  };
  /** The rights-request service (SPEC §6) the control plane's request operations call;
   * without it they are refused. Who may call which is decided on its policy. */
  readonly requests?: RequestsRuntime;
  /** The audit trail the control plane queries and verifies (SPEC §7); without it the audit
   * operations are refused. */
  readonly audit?: ControlAudit;
}

export interface GatewayApp {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly subject: SubjectSchema;
  readonly schema: GraphQLSchema;
  readonly runtime: TraversalRuntime;
  /** `principal`: the authenticated caller (src/access/authentication); absent in tests
   * that drive Apollo directly. */
  createContext(principal?: Principal): GatewayContext;
}

export async function createGatewayApp(options: GatewayAppOptions): Promise<GatewayApp> {
  const dateOfBirth = dateOfBirthFields(options.map);
  const subject = buildSubjectSchema(options.map, options.descriptions, {
    maxSubjectsPerRequest: options.maxSubjectsPerRequest,
    maxRounds: options.maxRounds,
    dateOfBirthFields: dateOfBirth,
  });
  // Control plane (src/control): always served beside the subject graph, in one schema; its
  // resolvers read the map from the per-request context, never from a global.
  const controlSchema = buildControlSchema();
  const merged = mergeGatewaySchemas(subject.schema, controlSchema);
  const access = options.access;
  // Column fields keep their own resolvers behind a synchronous guard instead of the
  // shield's async wrapper (src/access/guarded-columns.ts); taken before the shield wraps them.
  const columns = access ? columnResolvers(merged, subject.model) : undefined;
  const served = access
    ? applyMiddleware(
        merged,
        createShield({
          model: subject.model,
          controlTypes: objectTypesOf(controlSchema),
          controlMutations: Object.keys(controlSchema.getMutationType()?.getFields() ?? {}),
        }),
      )
    : merged;
  if (columns) guardColumns(served, columns);
  const policy = access?.policy ?? options.requests?.policy;
  const control: ControlContext = {
    dataMap: options.map,
    subjectGraph: subject.model,
    ...(options.requests ? { requests: options.requests } : {}),
    ...(policy ? { policy } : {}),
    ...(options.audit ? { audit: options.audit } : {}),
  };
  const schema = options.mergeSchema ? options.mergeSchema(served) : served;
  const traversal = buildTraversalGraph(options.map);
  const runtime: TraversalRuntime = {
    traversal,
    sources: options.sources,
    maxRounds: options.maxRounds,
    plans: new Map(),
    ...(access
      ? {
          minorCutoff: () => minorCutoffDate((access.now ?? (() => new Date()))()),
          loadFacts: (graphs: readonly SubjectGraph[], request: FactsRequest) =>
            loadSubjectFacts(graphs, {
              map: options.map,
              traversal,
              hashKey: access.keys.hashKey,
              readConsents: access.readConsents,
              asOf: (access.now ?? (() => new Date()))(),
              ...request,
            }),
        }
      : {}),
  };
  const log = options.log ?? ((message: string) => console.error(message));
  const apollo = new ApolloServer<GatewayContext>({
    gateway: compiledGateway(schema),
    introspection: options.introspection ?? true,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals: it must close the embedded database after Apollo, in order.
    stopOnTerminationSignals: false,
    // Responses are personal data and never cached (the HTTP front says `no-store` itself):
    // the cache-control plugin would only wrap every resolver to collect hints nobody uses.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...(access
        ? [
            createPrivacyPlugin<GatewayContext>({
              policy: access.policy,
              model: subject.model,
              keys: access.keys,
              dataMapVersion: options.map.contentHash,
              ...(access.audit ? { audit: access.audit } : {}),
            }),
          ]
        : []),
    ],
  });
  await apollo.start();
  return {
    apollo,
    subject,
    schema,
    runtime,
    createContext: (principal?: Principal) => ({
      subjectLoader: createSubjectLoader(runtime),
      control,
      ...(principal ? { principal } : {}),
    }),
  };
}

function objectTypesOf(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(
      (type) =>
        isObjectType(type) &&
        !type.name.startsWith('__') &&
        type.name !== 'Query' &&
        type.name !== 'Mutation',
    )
    .map((type) => type.name);
}

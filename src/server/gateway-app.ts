/**
 * The gateway as an in-process object: the merged schema, Apollo Server, and the factory of
 * per-request contexts. `start-gateway.ts` wires it to the store, the embedded database and
 * HTTP; tests drive it directly with `executeOperation` or over HTTP.
 */
import { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '../access/authentication';
import type { ControlContext, ControlPlaneContext } from '../control';
import { buildControlSchema, mergeGatewaySchemas } from '../control';
import type { DataMap } from '../core/datamap/model';
import { buildTraversalGraph } from '../core/traversal/traversal-graph';
import type { SubjectSchema } from '../graph/build-subject-schema';
import { buildSubjectSchema } from '../graph/build-subject-schema';
import type { SourceRegistry } from '../graph/source-registry';
import type { SubjectContext } from '../graph/subject-resolvers';
import type { TraversalRuntime } from '../graph/subject-loader';
import { createSubjectLoader } from '../graph/subject-loader';
import type { TableDescription } from '../sources/connector';
import { createFormatError } from './format-error';

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
  const subject = buildSubjectSchema(options.map, options.descriptions, {
    maxSubjectsPerRequest: options.maxSubjectsPerRequest,
    maxRounds: options.maxRounds,
  });
  // Control plane (src/control): always served beside the subject graph, in one schema; its
  // resolvers read the map from the per-request context, never from a global.
  const served = mergeGatewaySchemas(subject.schema, buildControlSchema());
  const control: ControlContext = { dataMap: options.map, subjectGraph: subject.model };
  const schema = options.mergeSchema ? options.mergeSchema(served) : served;
  const runtime: TraversalRuntime = {
    traversal: buildTraversalGraph(options.map),
    sources: options.sources,
    maxRounds: options.maxRounds,
    plans: new Map(),
  };
  const log = options.log ?? ((message: string) => console.error(message));
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: options.introspection ?? true,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals: it must close the embedded database after Apollo, in order.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return {
    apollo,
    subject,
    schema,
    runtime,
    createContext: () => ({ subjectLoader: createSubjectLoader(runtime), control }),
  };
}

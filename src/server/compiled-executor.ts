/**
 * Compiled execution (SPEC §9, "known routes"): every operation runs as a function that
 * graphql-jit generated for its document, instead of graphql-js walking the document field
 * by field. Apollo Server 5.5.1 has one place to plug an executor in — the `gateway`
 * interface, whose `load()` hands it the schema and an `executor` — and this is that
 * gateway, serving one fixed schema.
 *
 * Apollo parses and validates every document first and keeps the validated `DocumentNode`
 * in its document store, one object per query text; compiled functions are kept beside it,
 * per document object and operation name (a WeakMap: a document Apollo evicts takes its
 * compiled functions with it). Variables are coerced with graphql-js's own
 * `getVariableValues` before the compiled function runs, so a bad variable gets exactly
 * graphql-js's error; the same resolvers (graphql-shield's rules around them) run as
 * before, so access decisions and the audit are unchanged.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type {
  DocumentNode,
  ExecutionResult,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { getOperationAST, GraphQLError } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { CompiledQuery } from 'graphql-jit';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

type Compiled = CompiledQuery | ExecutionResult;

export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

  function compiledFor(document: DocumentNode, operationName: string | undefined): Compiled {
    let byName = compiledByDocument.get(document);
    if (!byName) compiledByDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (!compiled) {
      compiled = compileQuery(schema, document, operationName, {
        // Errors keep the messages graphql-js gives; stacks are never sent anyway.
        disablingCapturingStackErrors: true,
      });
      byName.set(key, compiled);
    }
    return compiled;
  }

  return async (request) => {
    const { document } = request;
    const operation = request.operation as OperationDefinitionNode | undefined;
    const chosen = operation ?? getOperationAST(document, request.operationName ?? undefined);
    if (!chosen) return { errors: [new GraphQLError('no operation to run in the document')] };
    const coerced = getVariableValues(
      schema,
      chosen.variableDefinitions ?? [],
      request.request.variables ?? {},
    );
    if (coerced.errors) return { errors: coerced.errors };
    const compiled = compiledFor(
      document,
      chosen.name?.value ?? request.operationName ?? undefined,
    );
    if (!isCompiledQuery(compiled)) return compiled;
    return compiled.query(undefined, request.context, request.request.variables ?? {});
  };
}

/** The Apollo `gateway` serving `schema` with compiled execution. */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    async load() {
      return { executor: compiledExecutor(schema) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

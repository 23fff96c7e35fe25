/**
 * The control plane's executable schema, built by type-graphql from the `*.resolver.ts`
 * classes (the object types come in through them). It depends on no map — resolvers read
 * the map from the context — so it is built once per process and shared by every gateway
 * and by the SDL emitter.
 */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { CATALOG_RESOLVERS } from './catalog/catalog-resolvers';
import { REQUEST_RESOLVERS } from './requests/request-resolvers';
import { REVIEW_RESOLVERS } from './review/review-resolvers';
import { AUDIT_RESOLVERS } from './audit/audit-resolvers';

let built: GraphQLSchema | undefined;

export function buildControlSchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers: [
      ...CATALOG_RESOLVERS,
      ...REQUEST_RESOLVERS,
      ...REVIEW_RESOLVERS,
      ...AUDIT_RESOLVERS,
    ],
    // class-validator is not installed and the control plane's inputs are checked by the
    // resolvers themselves (one error taxonomy, src/errors), so type-graphql validates nothing.
    validate: false,
  });
  return built;
}

import { GraphQLScalarType } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

/**
 * graphql-scalars' `JSON`, renamed into the control plane's namespace: the subject graph
 * defines its own `JSON`, and the merged schema may not have two types of one name
 * (`merge-gateway-schemas.ts`). For documents the service builds from non-personal facts
 * (a plan summary, a result's counts, an event's detail).
 */
export const CatalogJSON = new GraphQLScalarType({
  ...GraphQLJSON.toConfig(),
  name: 'CatalogJSON',
  description:
    'A JSON value (a plan summary, a result, an event detail): counts, names and reasons, never personal values.',
});

import { GraphQLScalarType } from 'graphql';
import { GraphQLSafeInt } from 'graphql-scalars';

/**
 * An event's place in the audit chain (from 1, without gaps) and the cursor of its pages.
 * graphql-scalars' `SafeInt` (up to 2^53 − 1) renamed into the control plane's namespace: a
 * busy gateway appends thousands of events a second, and GraphQL's `Int` (32 bits) would run
 * out within weeks.
 */
export const CatalogAuditPosition = new GraphQLScalarType({
  ...GraphQLSafeInt.toConfig(),
  name: 'CatalogAuditPosition',
  description: 'A position in the audit chain: a whole number from 1, up to 2^53 − 1.',
});

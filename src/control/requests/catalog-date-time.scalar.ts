import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/**
 * An instant as RFC 3339 UTC text. type-graphql's default for `Date` is its `DateTimeISO`,
 * outside the control plane's namespace (`merge-gateway-schemas.ts`), so the control plane
 * names this one on every `Date` field.
 */
export const CatalogDateTime = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  name: 'CatalogDateTime',
  description: 'An instant, as RFC 3339 text in UTC (2026-11-30T08:00:00.000Z).',
});

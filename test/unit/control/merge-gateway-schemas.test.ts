/**
 * Merging the control plane into the subject graph: both sides' resolvers, custom scalars,
 * enum values and `@oneOf` survive; a name both sides define is refused at start-up
 * instead of being merged silently.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { graphql, isInputObjectType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildControlSchema, mergeGatewaySchemas } from '../../../src/control';
import { baseMap, expectValid } from '../datamap/harness';

/** A stand-in for the generated subject graph with what the merge must keep. */
function subjectSchema(extra = ''): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: `
      directive @pii(category: String!) on FIELD_DEFINITION
      scalar DateTime
      input IdentityInput @oneOf { email: String phone: String }
      type Subject { seenAt: DateTime email: String @pii(category: "user.contact.email") }
      type Query { subject(by: IdentityInput!): Subject }
      ${extra}`,
    resolvers: {
      DateTime: DateTimeResolver,
      Query: {
        subject: (_: unknown, args: { by: { email?: string } }) => ({
          seenAt: new Date(0),
          email: args.by.email,
        }),
      },
    },
  });
}

describe('mergeGatewaySchemas', () => {
  it('keeps both sides runnable in one request', async () => {
    const merged = mergeGatewaySchemas(subjectSchema(), buildControlSchema());
    const dataMap = expectValid(baseMap()).map;
    const result = await graphql({
      schema: merged,
      source:
        '{ subject(by: { email: "a@example.com" }) { seenAt email } dataMap { systems { key sourceKind } } }',
      contextValue: { control: { dataMap } },
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      subject: { seenAt: '1970-01-01T00:00:00.000Z', email: 'a@example.com' },
      dataMap: {
        systems: [
          { key: 'accounts', sourceKind: 'POSTGRES' },
          { key: 'sdk', sourceKind: null },
        ],
      },
    });
  });

  it('keeps @oneOf and the @pii directive', async () => {
    const merged = mergeGatewaySchemas(subjectSchema(), buildControlSchema());
    const input = merged.getType('IdentityInput');
    expect(isInputObjectType(input) && input.isOneOf).toBe(true);
    expect(merged.getDirective('pii')).toBeDefined();
    const both = await graphql({
      schema: merged,
      source: '{ subject(by: { email: "a", phone: "b" }) { email } }',
    });
    expect(both.errors?.[0]?.message).toMatch(/exactly one key/i);
  });

  it.each([
    [
      'a type both sides define',
      'type CatalogSystem { key: String }',
      /type CatalogSystem is defined by both/,
    ],
    [
      'a root field both sides define',
      'extend type Query { dataMap: String }',
      /Query\.dataMap is defined by both/,
    ],
  ])('refuses %s', (_case, extra, message) => {
    expect(() => mergeGatewaySchemas(subjectSchema(extra), buildControlSchema())).toThrow(message);
  });

  it('refuses a control-plane type outside the Catalog namespace', () => {
    const control = makeExecutableSchema({
      typeDefs: 'type Report { id: String } type Query { report: Report }',
    });
    expect(() => mergeGatewaySchemas(subjectSchema(), control)).toThrow(
      /control-plane type Report does not start with Catalog/,
    );
  });
});

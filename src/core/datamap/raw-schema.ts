/**
 * The data map's YAML shape (format version 1), checked before anything reads it. Objects
 * are strict: an unknown property is almost always a misspelt known one (`categroy:`), and
 * silently ignoring it would drop a category — and with it a field's protection. Checks that
 * need the whole map (references, reachability, names) live in `validate-data-map.ts`.
 */
import { z } from 'zod';

const text = z.string().min(1);

/** YAML writes an empty mapping as `~` or nothing at all: `note: {}`, `note: ~`, `note:`. */
const emptyIsObject = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => value ?? {}, schema);

export const identityFormatSchema = z.enum(['exact', 'email', 'lowercase', 'phone_cn', 'digits']);

const identitySchema = z.strictObject({
  format: identityFormatSchema.optional(),
  shared: z.boolean().optional(),
  description: z.string().optional(),
});

const namedEntrySchema = z.strictObject({
  name: text.optional(),
  description: z.string().optional(),
});

const legalBasisSchema = z.strictObject({ description: z.string().optional() });

const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('postgres'), url: text, schema: text.optional() }),
  z.strictObject({ kind: z.literal('mysql'), url: text }),
  z.strictObject({
    kind: z.literal('http'),
    baseUrl: text,
    headers: z.record(z.string(), z.string()).optional(),
    timeoutMs: z.number().int().positive().optional(),
    health: text.optional(),
    retries: z.number().int().min(0).max(10).optional(),
  }),
]);

// HTTP endpoints of a collection (docs/http-sources.md). Methods are read case-insensitively:
// `get` is as clear as `GET`.
const method = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.toUpperCase() : value),
    z.enum(values),
  );

const lookupEndpointSchema = z.strictObject({
  method: method(['GET', 'POST']).optional(),
  path: text,
  rows: text.optional(),
  nextPage: text.optional(),
  cursorParam: text.optional(),
});

const writeEndpointSchema = z.strictObject({
  method: method(['PATCH', 'PUT', 'POST', 'DELETE']).optional(),
  path: text,
  batch: z.boolean().optional(),
  idempotent: z.boolean().optional(),
  count: text.optional(),
});

const endpointsSchema = z.strictObject({
  lookup: lookupEndpointSchema.optional(),
  update: writeEndpointSchema.optional(),
  delete: writeEndpointSchema.optional(),
});

const referenceObjectSchema = z.strictObject({
  system: text,
  collection: text,
  field: text,
});

const fieldSchema = emptyIsObject(
  z.strictObject({
    column: text.optional(),
    category: text.optional(),
    identity: text.optional(),
    shared: z.boolean().optional(),
    references: z.union([text, referenceObjectSchema]).optional(),
    follow: z.enum(['down', 'up', 'both', 'none']).optional(),
    type: z
      .enum([
        'string',
        'int',
        'bigint',
        'float',
        'decimal',
        'boolean',
        'date',
        'datetime',
        'json',
        'uuid',
        'bytes',
      ])
      .optional(),
    // `erasure: null` is YAML's null, not the string: read it as the method it names.
    erasure: z
      .preprocess(
        (value) => (value === null ? 'null' : value),
        z.enum(['null', 'mask', 'hash', 'random']),
      )
      .optional(),
    graphqlName: z.string().optional(),
    description: z.string().optional(),
  }),
);

const collectionSchema = emptyIsObject(
  z.strictObject({
    table: text.optional(),
    description: z.string().optional(),
    // A single key may be written bare: `primaryKey: id`.
    primaryKey: z
      .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(text))
      .optional(),
    purposes: z.array(text).optional(),
    legalBasis: text.optional(),
    retention: z
      .strictObject({
        days: z.number().int().positive().optional(),
        description: z.string().optional(),
      })
      .optional(),
    erasure: z.enum(['delete', 'rewrite']).optional(),
    endpoints: endpointsSchema.optional(),
    graphqlName: z.string().optional(),
    fields: emptyIsObject(z.record(z.string(), fieldSchema)),
  }),
);

const systemSchema = z.strictObject({
  name: text,
  owner: z.string().optional(),
  region: z.string().optional(),
  controller: z.string().optional(),
  description: z.string().optional(),
  graphqlName: z.string().optional(),
  source: sourceSchema.optional(),
  collections: emptyIsObject(z.record(z.string(), collectionSchema)),
});

export const rawDataMapSchema = z.strictObject({
  version: z.literal(1),
  organization: z.strictObject({ name: text, homeRegion: z.string().optional() }),
  identities: emptyIsObject(z.record(z.string(), emptyIsObject(identitySchema))),
  categories: emptyIsObject(z.record(z.string(), emptyIsObject(namedEntrySchema))),
  purposes: emptyIsObject(z.record(z.string(), emptyIsObject(namedEntrySchema))),
  legalBases: emptyIsObject(z.record(z.string(), emptyIsObject(legalBasisSchema))),
  systems: emptyIsObject(z.record(z.string(), systemSchema)),
});

export type RawDataMap = z.output<typeof rawDataMapSchema>;
export type RawSystem = z.output<typeof systemSchema>;
export type RawCollection = z.output<typeof collectionSchema>;
export type RawField = z.output<typeof fieldSchema>;
export type RawEndpoints = z.output<typeof endpointsSchema>;

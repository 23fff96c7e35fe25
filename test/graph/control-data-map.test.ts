/**
 * The control plane's `dataMap` through the real gateway (one merged schema, real sources),
 * on the demo map and on the Acme fixture map, with the typed documents from codegen. The
 * catalogue is checked against the YAML file itself, read here without the loader, so a
 * normalisation slip (a default, YAML's `null`) shows up as a difference.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { generateDemoWorld } from '../../seeds/demo/generate';
import { buildControlSchema } from '../../src/control';
import type { DataMapOverviewQuery } from '../../src/generated/graphql';
import {
  DataMapCategoriesDocument,
  DataMapOverviewDocument,
  SubjectByIdentityDocument,
  SubjectWithDataMapDocument,
} from '../../src/generated/graphql';
import type { TestGateway } from '../support/gateway-harness';
import { ACME_MAP, DEMO_MAP, startTestGateway } from '../support/gateway-harness';

type Overview = DataMapOverviewQuery['dataMap'];

/** What the YAML says, with the map format's documented defaults (table = key, erasure
 * `delete`, follow `down`, format `exact`), in the GraphQL enum spelling. */
type Yaml = Record<string, unknown>;
const entries = (value: unknown) => Object.entries((value ?? {}) as Record<string, Yaml>);
const upper = (value: unknown) => String(value).toUpperCase();
const orNull = (value: unknown) => value ?? null;

function expectedCatalog(yaml: Yaml) {
  return entries(yaml.systems).map(([key, system]) => ({
    key,
    name: system.name,
    description: orNull(system.description),
    owner: orNull(system.owner),
    region: orNull(system.region),
    controller: orNull(system.controller),
    sourceKind: system.source ? upper((system.source as Yaml).kind) : null,
    collections: entries(system.collections).map(([collection, c]) => ({
      address: `${key}.${collection}`,
      key: collection,
      description: orNull(c.description),
      table: c.table ?? collection,
      primaryKey: c.primaryKey ?? [],
      purposes: c.purposes ?? [],
      legalBasis: orNull(c.legalBasis),
      retention: c.retention
        ? {
            days: orNull((c.retention as Yaml).days),
            description: orNull((c.retention as Yaml).description),
          }
        : null,
      erasure: upper(c.erasure ?? 'delete'),
      fields: entries(c.fields).map(([field, f]) => ({
        address: `${key}.${collection}.${field}`,
        key: field,
        column: f.column ?? field,
        category: orNull(f.category),
        identity: orNull(f.identity),
        references: f.references
          ? { address: f.references, follow: upper(f.follow ?? 'down') }
          : null,
        // `erasure: null` in YAML is the strategy named null, not an absent one.
        erasure: 'erasure' in f ? upper(f.erasure) : null,
      })),
    })),
  }));
}

function yamlIdentities(yaml: Yaml) {
  return entries(yaml.identities).map(([name, kind]) => ({
    name,
    format: upper(kind.format ?? 'exact'),
    shared: kind.shared ?? false,
  }));
}

/** The catalogue needs an authenticated caller (any role). */
const DPO_PRINCIPAL = {
  subject: 'test:dpo',
  role: 'dpo',
  expiresAt: new Date(Date.now() + 3_600_000),
};

async function run<R, V extends Record<string, unknown>>(
  gateway: TestGateway,
  document: TypedDocumentNode<R, V>,
  variables?: V,
) {
  const response = await gateway.app.apollo.executeOperation<R, V>(
    { query: document, ...(variables ? { variables } : {}) },
    { contextValue: gateway.app.createContext(DPO_PRINCIPAL) },
  );
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  // What a client receives is JSON: scalars in their wire form, as codegen types them.
  return JSON.parse(
    JSON.stringify(response.body.singleResult),
  ) as typeof response.body.singleResult;
}

async function overview(gateway: TestGateway): Promise<Overview> {
  const result = await run(gateway, DataMapOverviewDocument);
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data.dataMap;
}

const allFields = (map: Overview) =>
  map.systems.flatMap((s) => s.collections.flatMap((c) => c.fields));

describe.each([
  ['demo', DEMO_MAP],
  ['acme', ACME_MAP],
])('dataMap on the %s map', (_name, file) => {
  let gateway: TestGateway;
  let yaml: Record<string, unknown>;
  beforeAll(async () => {
    gateway = await startTestGateway(file);
    yaml = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  });
  afterAll(() => gateway?.close());

  it('lists every system, collection and field as the YAML declares them', async () => {
    const map = await overview(gateway);
    const served = map.systems.map((system) => ({
      key: system.key,
      name: system.name,
      description: system.description,
      owner: system.owner,
      region: system.region,
      controller: system.controller,
      sourceKind: system.sourceKind,
      collections: system.collections.map((c) => ({
        address: c.address,
        key: c.key,
        description: c.description,
        table: c.table,
        primaryKey: c.primaryKey,
        purposes: c.purposes.map((p) => p.key),
        legalBasis: c.legalBasis?.key ?? null,
        retention: c.retention,
        erasure: c.erasure,
        fields: c.fields.map((f) => ({
          address: f.address,
          key: f.key,
          column: f.column,
          category: f.category?.key ?? null,
          identity: f.identity?.name ?? null,
          references: f.references && {
            address: f.references.address,
            follow: f.references.follow,
          },
          erasure: f.erasure,
        })),
      })),
    }));
    expect(served).toEqual(expectedCatalog(yaml));
    expect(map.version).toBe(1);
    expect(map.contentHash).toBe(gateway.map.contentHash);
    expect(map.organization.name).toBe((yaml.organization as { name: string }).name);
  });

  it('links references, identities and purposes both ways', async () => {
    const map = await overview(gateway);
    const fields = allFields(map);
    const pointing = fields.filter((f) => f.references);
    expect(pointing.length).toBeGreaterThan(0);
    for (const field of pointing) {
      expect(field.references?.field.address).toBe(field.references?.address);
      const target = fields.find((f) => f.address === field.references?.address);
      expect(target?.referencedBy.map((r) => r.address)).toContain(field.address);
    }
    expect(fields.reduce((n, f) => n + f.referencedBy.length, 0)).toBe(pointing.length);

    expect(
      map.identities.map((k) => ({ name: k.name, format: k.format, shared: k.shared })),
    ).toEqual(yamlIdentities(yaml));
    for (const kind of map.identities) {
      expect(kind.fields.map((f) => f.address)).toEqual(
        fields.filter((f) => f.identity?.name === kind.name).map((f) => f.address),
      );
    }
    const collections = map.systems.flatMap((s) => s.collections);
    for (const purpose of map.purposes) {
      const listing = collections.filter((c) => c.purposes.some((p) => p.key === purpose.key));
      expect(purpose.collections.map((c) => c.address)).toEqual(listing.map((c) => c.address));
    }
  });

  it('names the subject-graph type of every queryable collection, and none for catalogue-only ones', async () => {
    const map = await overview(gateway);
    const model = gateway.app.subject.model;
    for (const system of map.systems) {
      for (const collection of system.collections) {
        const type = model.collections.get(collection.address);
        expect(collection.graphqlTypeName).toBe(type?.name ?? null);
        expect(collection.graphqlTypeName === null).toBe(system.sourceKind === null);
        const served = collection.graphqlTypeName
          ? gateway.app.schema.getType(collection.graphqlTypeName)
          : undefined;
        const servedFields = served && 'getFields' in served ? Object.keys(served.getFields()) : [];
        for (const field of collection.fields) {
          if (system.sourceKind === null) expect(field.graphqlFieldName).toBeNull();
          else expect(servedFields).toContain(field.graphqlFieldName);
          if (system.sourceKind !== null) expect(field.type).not.toBeNull();
        }
      }
    }
  });

  it("lists the built-in taxonomy with the map's own categories and the fields using each", async () => {
    const result = await run(gateway, DataMapCategoriesDocument);
    expect(result.errors).toBeUndefined();
    const categories = result.data?.dataMap.categories ?? [];
    expect(categories.filter((c) => c.builtIn).length).toBeGreaterThan(50);
    const declared = Object.entries((yaml.categories ?? {}) as Record<string, { name: string }>);
    const own = categories.filter((c) => !c.builtIn).map((c) => [c.key, c.name]);
    expect(own.sort()).toEqual(declared.map(([key, c]) => [key, c.name]).sort());
    const fields = allFields(await overview(gateway));
    for (const category of categories) {
      expect(category.fields.map((f) => f.address)).toEqual(
        fields.filter((f) => f.category?.key === category.key).map((f) => f.address),
      );
    }
  });
});

describe('dataMap beside the demo subject graph', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(DEMO_MAP);
  });
  afterAll(() => gateway?.close());

  it('lists the catalogue-only third-party SDK system with no source', async () => {
    const sdks = (await overview(gateway)).systems.find((s) => s.key === 'third_party_sdks');
    expect(sdks).toMatchObject({ sourceKind: null, graphqlTypeName: null, owner: 'mobile-team' });
    expect(sdks?.collections.map((c) => c.key)).toEqual(['jpush', 'amap_location', 'bugly']);
    expect(
      sdks?.collections.find((c) => c.key === 'amap_location')?.fields.map((f) => f.category?.key),
    ).toEqual(['user.location.precise', 'user.device.ip_address']);
  });

  it('answers a subject and the catalogue in one request, with custom scalars and @oneOf intact', async () => {
    const world = generateDemoWorld({
      subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
      seed: 7,
    });
    const person = world.people.find((p) => p.flags.systems.includes('accounts'));
    const email = person?.identities.email[0];
    if (!person || !email) throw new Error('the demo world has no account holder with an e-mail');
    const both = await run(gateway, SubjectWithDataMapDocument, { by: { email } });
    expect(both.errors).toBeUndefined();
    expect(both.data?.subject?.identities).toContainEqual({ kind: 'email', value: email });
    expect(both.data?.dataMap.systems.map((s) => s.key)).toEqual(
      gateway.map.systems.map((s) => s.key),
    );

    const subject = await run(gateway, SubjectByIdentityDocument, { by: { email } });
    expect(subject.errors).toBeUndefined();
    const users = subject.data?.subject?.accounts?.users ?? [];
    expect(users.map((u) => u.full_name)).toContain(person.names.full);
    expect(users[0]?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(users.map((u) => u.date_of_birth)).toContain(person.dateOfBirth ?? null);

    const twoKeys = { by: { email, phone: '+8613800138000' } } as unknown as {
      by: { email: string };
    };
    const rejected = await run(gateway, SubjectByIdentityDocument, twoKeys);
    expect(rejected.errors?.[0]?.message).toMatch(
      /Exactly one key must be specified for OneOf type "IdentityInput"/,
    );
  });

  it('serves both schemas side by side: every type of each, none shared but the roots', async () => {
    const result = await gateway.app.apollo.executeOperation(
      { query: '{ __schema { queryType { fields { name } } types { name } } }' },
      { contextValue: gateway.app.createContext(DPO_PRINCIPAL) },
    );
    if (result.body.kind !== 'single') throw new Error('unexpected incremental response');
    const introspected = (
      result.body.singleResult.data as {
        __schema: { queryType: { fields: { name: string }[] }; types: { name: string }[] };
      }
    ).__schema;
    expect(introspected.queryType.fields.map((f) => f.name).sort()).toEqual([
      'auditEvents',
      'dataMap',
      'explainAccess',
      'legalHolds',
      'permissionMatrix',
      'policyDiff',
      'policyLint',
      'rightsRequest',
      'rightsRequests',
      'subject',
      'subjectConsents',
      'subjects',
      'verifyAuditLog',
    ]);
    const subjectTypes = ownTypeNames(Object.keys(gateway.app.subject.schema.getTypeMap()));
    const controlTypes = ownTypeNames(Object.keys(buildControlSchema().getTypeMap()));
    expect(subjectTypes.filter((name) => controlTypes.includes(name))).toEqual([
      'Query',
      'Mutation',
    ]);
    expect(subjectTypes.filter((name) => name.startsWith('Catalog'))).toEqual([]);
    expect(ownTypeNames(introspected.types.map((t) => t.name)).sort()).toEqual(
      [...new Set([...subjectTypes, ...controlTypes])].sort(),
    );
  });
});

/** Type names a schema defines itself: not introspection's, not the spec's scalars. */
function ownTypeNames(names: readonly string[]): string[] {
  const specified = ['String', 'Int', 'Float', 'Boolean', 'ID'];
  return names.filter((name) => !name.startsWith('__') && !specified.includes(name));
}

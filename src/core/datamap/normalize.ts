/**
 * Raw (schema-checked) YAML → the normalised `DataMap` every other module reads: defaults
 * filled in, references resolved to addresses and given their target's category when they
 * declare none, the taxonomy and legal bases merged with the built-ins. Only problems that normalising itself meets are reported here; whole-map
 * checks run afterwards on the result (`validate-data-map.ts`).
 */
import { buildTaxonomy } from '../taxonomy/build-taxonomy';
import { BUILTIN_LEGAL_BASES } from './builtin-legal-bases';
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { fieldPath } from './map-paths';
import type {
  CollectionDef,
  DataMap,
  FieldAddress,
  FieldDef,
  LegalBasisDef,
  SourceDef,
  SystemDef,
} from './model';
import { inheritReferenceCategories } from './inherit-categories';
import { normalizeEndpoints } from './normalize-endpoints';
import type { RawCollection, RawDataMap, RawField, RawSystem } from './raw-schema';

export interface NormalizeContext {
  readonly contentHash: string;
  readonly sourceFile: string;
}

/** Default time an HTTP source may take before its read counts as failed. */
export const DEFAULT_HTTP_TIMEOUT_MS = 5000;
/** Default further attempts of an idempotent HTTP call (so three in all). */
export const DEFAULT_HTTP_RETRIES = 2;

export function normalizeDataMap(
  raw: RawDataMap,
  context: NormalizeContext,
): { map: DataMap; issues: DataMapIssue[] } {
  const issues: DataMapIssue[] = [];
  const taxonomy = buildTaxonomy(
    Object.entries(raw.categories).map(([key, entry]) => ({ key, ...entry })),
  );
  for (const problem of taxonomy.problems)
    issues.push(issue(['categories', problem.key], problem.message, problem.hint));

  const legalBases = new Map<string, LegalBasisDef>(
    BUILTIN_LEGAL_BASES.map((basis) => [basis.key, basis]),
  );
  for (const [key, entry] of Object.entries(raw.legalBases)) {
    if (legalBases.has(key)) {
      issues.push(
        issue(['legalBases', key], `legal basis '${key}' is built in`, 'remove this declaration'),
      );
      continue;
    }
    legalBases.set(key, { key, description: entry.description });
  }

  const map: DataMap = {
    version: 1,
    organization: { name: raw.organization.name, homeRegion: raw.organization.homeRegion },
    identities: new Map(
      Object.entries(raw.identities).map(([name, kind]) => [
        name,
        {
          name,
          format: kind.format ?? 'exact',
          shared: kind.shared ?? false,
          description: kind.description,
        },
      ]),
    ),
    categories: taxonomy.categories,
    purposes: new Map(
      Object.entries(raw.purposes).map(([key, p]) => [
        key,
        { key, name: p.name ?? key, description: p.description },
      ]),
    ),
    legalBases,
    systems: inheritReferenceCategories(
      Object.entries(raw.systems).map(([key, system]) => normalizeSystem(key, system, issues)),
    ),
    contentHash: context.contentHash,
    sourceFile: context.sourceFile,
  };
  return { map, issues };
}

function normalizeSource(source: NonNullable<RawSystem['source']>): SourceDef {
  switch (source.kind) {
    case 'postgres':
      return { kind: 'postgres', url: source.url, schema: source.schema ?? 'public' };
    case 'mysql':
      return { kind: 'mysql', url: source.url };
    case 'http':
      return {
        kind: 'http',
        baseUrl: source.baseUrl,
        headers: source.headers ?? {},
        timeoutMs: source.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
        retries: source.retries ?? DEFAULT_HTTP_RETRIES,
        ...(source.health === undefined ? {} : { health: source.health }),
      };
  }
}

function normalizeSystem(key: string, raw: RawSystem, issues: DataMapIssue[]): SystemDef {
  return {
    key,
    name: raw.name,
    owner: raw.owner,
    region: raw.region,
    controller: raw.controller,
    description: raw.description,
    source: raw.source ? normalizeSource(raw.source) : undefined,
    collections: Object.entries(raw.collections).map(([collection, c]) =>
      normalizeCollection(key, collection, c, issues),
    ),
    graphqlName: raw.graphqlName,
  };
}

function normalizeCollection(
  system: string,
  key: string,
  raw: RawCollection,
  issues: DataMapIssue[],
): CollectionDef {
  const address = { system, collection: key };
  return {
    key,
    address,
    table: raw.table ?? key,
    primaryKey: raw.primaryKey ?? [],
    purposes: raw.purposes ?? [],
    legalBasis: raw.legalBasis,
    retention: raw.retention,
    erasure: raw.erasure ?? 'delete',
    fields: Object.entries(raw.fields).map(([field, f]) =>
      normalizeField({ ...address, field }, f, issues),
    ),
    ...(raw.endpoints ? { endpoints: normalizeEndpoints(raw.endpoints) } : {}),
    graphqlName: raw.graphqlName,
    description: raw.description,
  };
}

function normalizeField(address: FieldAddress, raw: RawField, issues: DataMapIssue[]): FieldDef {
  const path = fieldPath(address);
  if (raw.follow !== undefined && raw.references === undefined) {
    issues.push(
      issue(
        [...path, 'follow'],
        'follow has no effect without references',
        'add references: system.collection.field, or remove follow',
        'warning',
      ),
    );
  }
  return {
    key: address.field,
    address,
    column: raw.column ?? address.field,
    category: raw.category,
    identity: raw.identity,
    ...(raw.shared === undefined ? {} : { shared: raw.shared }),
    references:
      raw.references === undefined
        ? undefined
        : parseReference(raw.references, [...path, 'references'], issues),
    follow: raw.follow ?? 'down',
    type: raw.type,
    erasure: raw.erasure,
    graphqlName: raw.graphqlName,
    description: raw.description,
  };
}

/** `system.collection.field` (names cannot contain dots, so the split is exact) or an object. */
function parseReference(
  reference: NonNullable<RawField['references']>,
  path: readonly (string | number)[],
  issues: DataMapIssue[],
): FieldAddress | undefined {
  if (typeof reference !== 'string') return { ...reference };
  const [system, collection, field, ...rest] = reference.split('.');
  if (system && collection && field && rest.length === 0) return { system, collection, field };
  issues.push(
    issue(
      path,
      `reference '${reference}' is not system.collection.field`,
      'write e.g. accounts.users.id, or { system, collection, field }',
    ),
  );
  return undefined;
}

/**
 * The connector conformance suite (issue #4 item 4): the same cases for every source kind —
 * batching, type mapping, canonical matching, NULLs, injection-safe keys, describe, update,
 * delete, rollback, health, and a source that is down. Call it from a test file with the
 * kind's factory; the PostgreSQL connector is the reference every kind must agree with.
 */
import type { CollectionDef, IdentityFormat } from '../../src/core/datamap/model';
import type { LookupRequest, SourceRow } from '../../src/sources/connector';
import type { ConformanceTarget, ConnectorFactory, FixtureRow } from './connector-factory';
import {
  FIXTURE_COLUMNS,
  FIXTURE_TABLE,
  MISSING_TABLE,
  fixtureCollection,
} from './connector-factory';
import { describeAvailabilityCases } from './conformance-availability';
import { describeReadCases } from './conformance-reads';
import { describeWriteCases } from './conformance-writes';

export interface ConformanceContext {
  readonly factory: ConnectorFactory;
  /** The open fixture; valid inside tests (after the suite's beforeAll). */
  target(): ConformanceTarget;
  /** The fixture table keyed by `id`, and the same table keyed by the string `code`. */
  readonly people: CollectionDef;
  readonly byCode: CollectionDef;
  readonly missing: CollectionDef;
}

export function describeConnectorConformance(factory: ConnectorFactory): void {
  const collection = (key: string, table: string, primaryKey: readonly string[]) =>
    factory.collection?.(key, table, primaryKey) ?? fixtureCollection(key, table, primaryKey);
  let target: ConformanceTarget | undefined;
  const context: ConformanceContext = {
    factory,
    target: () => {
      if (!target) throw new Error(`the ${factory.kind} conformance fixture did not open`);
      return target;
    },
    people: collection('people', FIXTURE_TABLE, ['id']),
    byCode: collection('people_by_code', FIXTURE_TABLE, ['code']),
    missing: collection('missing', MISSING_TABLE, ['id']),
  };

  describe(`${factory.kind} connector conformance`, () => {
    beforeAll(async () => {
      target = await factory.open();
      // as at the gateway's start: the connector learns its columns before any lookup
      await target.connector.describe([context.people]);
    });
    afterAll(() => target?.close());

    describeReadCases(context);
    describeWriteCases(context);
    describe('availability', () => describeAvailabilityCases(context));
  });
}

/** A lookup request over the fixture: `field` is a map key. */
export function lookupRequest(
  collection: CollectionDef,
  field: string,
  match: IdentityFormat,
  values: readonly string[],
  fields: readonly string[] = ['id'],
  bornAfter?: string,
): LookupRequest {
  const def = collection.fields.find((f) => f.key === field);
  if (!def) throw new Error(`fixture has no field ${field}`);
  return { collection, field: def, match, values, fields, ...(bornAfter ? { bornAfter } : {}) };
}

/** Every map key of the fixture. */
export const ALL_KEYS = FIXTURE_COLUMNS.map((c) => c.key);

/** A fixture row as a connector returns it: keyed by the map's keys. */
export function asSourceRow(row: FixtureRow): SourceRow {
  const byColumn = row as unknown as Record<string, unknown>;
  return Object.fromEntries(FIXTURE_COLUMNS.map(({ column, key }) => [key, byColumn[column]]));
}

export function idsOf(rows: readonly SourceRow[]): number[] {
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/**
 * The catalogue projection over a small map: the object tree, catalogue-only systems, the
 * back-link index, the subject graph's names and types, and one projection per map version.
 */
import { catalogOf } from '../../../src/control/catalog/catalog-cache';
import type { CatalogProjection } from '../../../src/control/catalog/project-catalog';
import { projectCatalog } from '../../../src/control/catalog/project-catalog';
import type { DataMap } from '../../../src/core/datamap/model';
import { buildGraphModel } from '../../../src/graph/graph-model';
import { edits, expectValid } from '../datamap/harness';

/** The harness's base map (accounts.users/orders, a catalogue-only SDK) plus a self-reference. */
function smallMap(): DataMap {
  const users = ['systems', 'accounts', 'collections', 'users'];
  return expectValid(
    edits([
      [[...users, 'fields', 'referrer_id'], { references: 'accounts.users.id', follow: 'up' }],
      [[...users, 'retention'], { days: 30 }],
      [['systems', 'accounts', 'owner'], 'identity-team'],
    ]),
  ).map;
}

const addresses = (list: readonly { address: string }[] | undefined) => list?.map((x) => x.address);

function fieldOf({ dataMap }: CatalogProjection, address: string) {
  const fields = dataMap.systems.flatMap((s) => s.collections.flatMap((c) => c.fields));
  const field = fields.find((f) => f.address === address);
  if (!field) throw new Error(`no field ${address}`);
  return field;
}

describe('projectCatalog', () => {
  it('mirrors systems, collections and fields in map order', () => {
    const { dataMap } = projectCatalog(smallMap());
    expect(dataMap.systems.map((s) => [s.key, s.sourceKind, s.owner])).toEqual([
      ['accounts', 'postgres', 'identity-team'],
      ['sdk', null, null],
    ]);
    const users = dataMap.systems[0]?.collections[0];
    expect(users).toMatchObject({
      address: 'accounts.users',
      table: 'users',
      primaryKey: ['id'],
      erasure: 'delete',
      retention: { days: 30, description: null },
      legalBasis: { key: 'contract' },
      purposes: [{ key: 'account_management', name: 'Account management' }],
    });
    expect(users?.fields.map((f) => f.key)).toEqual(['id', 'email', 'referrer_id']);
  });

  it('keeps a catalogue-only entry, with no key, no source and no graph names', () => {
    const sdk = projectCatalog(smallMap()).dataMap.systems[1];
    expect(sdk?.collections[0]).toMatchObject({
      address: 'sdk.recipients',
      primaryKey: [],
      graphqlTypeName: null,
      legalBasis: null,
      purposes: [],
    });
    expect(sdk?.collections[0]?.fields[0]).toMatchObject({
      category: { key: 'user.device.device_id', builtIn: true },
      graphqlFieldName: null,
      type: null,
    });
  });

  it('indexes references both ways, a self-reference included', () => {
    const projection = projectCatalog(smallMap());
    expect(fieldOf(projection, 'accounts.orders.user_id').references).toEqual({
      address: 'accounts.users.id',
      follow: 'down',
    });
    expect(fieldOf(projection, 'accounts.users.referrer_id').references?.follow).toBe('up');
    expect(projection.links.fields.get('accounts.users.id')).toBe(
      fieldOf(projection, 'accounts.users.id'),
    );
    expect(addresses(projection.links.referencedBy.get('accounts.users.id'))).toEqual([
      'accounts.users.referrer_id',
      'accounts.orders.user_id',
    ]);
  });

  it('indexes what cites each category, identity kind, purpose and legal basis, and whose part each is', () => {
    const { dataMap, links } = projectCatalog(smallMap());
    expect(addresses(links.fieldsByCategory.get('user.contact.email'))).toEqual([
      'accounts.users.email',
    ]);
    expect(dataMap.identities.map((k) => [k.name, k.format, k.shared])).toEqual([
      ['email', 'email', false],
      ['user_id', 'exact', false],
    ]);
    expect(addresses(links.fieldsByIdentity.get('user_id'))).toEqual(['accounts.users.id']);
    expect(addresses(links.collectionsByPurpose.get('account_management'))).toEqual([
      'accounts.users',
      'accounts.orders',
    ]);
    expect(addresses(links.collectionsByLegalBasis.get('contract'))).toEqual(['accounts.users']);
    expect(links.collectionOfField.get('sdk.recipients.device')?.address).toBe('sdk.recipients');
    expect(links.systemOfCollection.get('sdk.recipients')).toBe(dataMap.systems[1]);
  });

  it('takes names and column types from the subject graph when there is one', () => {
    const map = smallMap();
    const described = new Map([
      [
        'accounts',
        [
          {
            table: 'orders',
            exists: true,
            columns: [
              { column: 'total', nativeType: 'numeric', type: 'float' as const, nullable: true },
            ],
          },
        ],
      ],
    ]);
    const withGraph = projectCatalog(map, buildGraphModel(map, described));
    expect(withGraph.dataMap.systems[0]?.graphqlTypeName).toBe('AccountsData');
    expect(withGraph.dataMap.systems[0]?.collections[1]?.graphqlTypeName).toBe('AccountsOrders');
    expect(fieldOf(withGraph, 'accounts.orders.total')).toMatchObject({
      type: 'float',
      graphqlFieldName: 'total',
    });
    // Without a graph only the map's declaration is known.
    expect(fieldOf(projectCatalog(map), 'accounts.orders.total')).toMatchObject({
      type: 'decimal',
      graphqlFieldName: null,
    });
  });
});

describe('catalogOf', () => {
  it('projects once per map version, and again for a new map or subject graph', () => {
    const map = smallMap();
    const first = catalogOf({ dataMap: map });
    expect(catalogOf({ dataMap: map })).toBe(first);
    const graph = buildGraphModel(map, new Map());
    const named = catalogOf({ dataMap: map, subjectGraph: graph });
    expect(named).not.toBe(first);
    expect(catalogOf({ dataMap: map, subjectGraph: graph })).toBe(named);
    expect(catalogOf({ dataMap: smallMap() })).not.toBe(first);
  });
});

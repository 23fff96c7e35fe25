import { parseDataMap } from '../../../src/core/datamap/parse-data-map';
import { withoutRowKeys } from '../../../src/requests/erasure-plan-store';
import { erasureWarnings } from '../../../src/requests/erasure-warnings';
import type { TableDescription } from '../../../src/sources/connector';

const MAP = `
version: 1
organization: { name: Test }
identities: { email: { format: email } }
purposes: { service: { name: Service } }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: 'postgres://x@127.0.0.1/test', schema: s }
    collections:
      notes:
        primaryKey: [id]
        purposes: [service]
        erasure: rewrite
        fields:
          id: {}
          email: { identity: email, category: user.contact.email }
          body: { category: user.content.private }
          title: { category: user.content.private, erasure: mask }
          kind: {}
`;

const column = (name: string, nullable: boolean) => ({
  column: name,
  nativeType: 'text',
  type: 'string' as const,
  nullable,
});

test('a NOT NULL field whose erasure writes null is named at start; nullable, masked and uncategorised ones are not', () => {
  const parsed = parseDataMap(MAP, 'map.yaml', {}, {});
  if (!parsed.ok) throw new Error('map does not parse');
  const tables: TableDescription[] = [
    {
      table: 'notes',
      exists: true,
      columns: [
        column('id', false),
        column('email', true),
        column('body', false),
        column('title', false),
        column('kind', false),
      ],
    },
  ];
  expect(erasureWarnings(parsed.map, new Map([['shop', tables]]))).toEqual([
    'shop.notes.body is NOT NULL but its erasure writes null: set erasure: mask or random on it, or erasures of its rows will be refused',
  ]);
});

test('plan notes lose their row keys before they reach the readable summary', () => {
  expect(
    withoutRowKeys(
      'tracking.identifiers ["ck-9f2\\"x]"] is kept: the exempt row analytics.events ["17",3] still references it through cookie_id',
    ),
  ).toBe(
    'tracking.identifiers […] is kept: the exempt row analytics.events […] still references it through cookie_id',
  );
});

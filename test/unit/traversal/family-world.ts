/** A small shop and family club where one row names two people: a gift order carries its
 * buyer (a reference) and its recipient's phone (a `shared` identity field); a child's card
 * points up to a parent's card. Shared by the traversal and rights-request unit tests. */
import type { DataMap } from '../../../src/core/datamap/model';
import { parseDataMap } from '../../../src/core/datamap/parse-data-map';
import { canonicalIdentity } from '../../../src/core/identity/canonical';
import type { BatchLookup } from '../../../src/core/traversal/resolve-subjects';
import type { SourceRow } from '../../../src/core/traversal/source-row';

export const FAMILY_MAP = `
version: 1
organization: { name: Family Shop }
identities:
  phone: { format: phone_cn }
  cid: {}
  card: { format: lowercase }
  device: { shared: true }
purposes: { ops: { name: Operations } }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: "postgres://unused/db", schema: shop }
    collections:
      customers:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: { identity: cid, category: user.unique_id }
          phone: { identity: phone, category: user.contact.phone_number }
      orders:
        primaryKey: [order_no]
        purposes: [ops]
        fields:
          order_no: {}
          customer_id: { references: shop.customers.id }
          ship_phone: { identity: phone, shared: true, category: user.contact.phone_number }
      gift_notes:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: {}
          order_no: { references: shop.orders.order_no }
          to_phone: { references: shop.orders.ship_phone, follow: none }
  club:
    name: Club
    source: { kind: postgres, url: "postgres://unused/db", schema: club }
    collections:
      members:
        primaryKey: [code]
        purposes: [ops]
        fields:
          code: { identity: card, category: user.unique_id }
          phone: { identity: phone, category: user.contact.phone_number }
          parent_code: { references: club.members.code, follow: up }
          sponsor_code: { references: club.members.code, follow: none }
          device_id: { references: club.devices.device_id, follow: up }
      ledger:
        primaryKey: [code, seq]
        purposes: [ops]
        fields: { code: { references: club.members.code }, seq: {}, points: {} }
      devices:
        primaryKey: [device_id]
        purposes: [ops]
        fields: { device_id: { identity: device } }
      logins:
        primaryKey: [id]
        purposes: [ops]
        fields: { id: {}, device_id: { identity: device } }
`;

/** Alice (c1) bought a gift shipped to Bob's phone; Bob (c2) is a customer too. Dad (LM-1)
 * holds the family card; Kid's card (LM-2) hangs under it and was sponsored by Eve (LM-3). */
export const FAMILY_TABLES: Record<string, SourceRow[]> = {
  'shop.customers': [
    { id: 'c1', phone: '13800000001' },
    { id: 'c2', phone: '13800000002' },
  ],
  'shop.orders': [
    { order_no: 'O1', customer_id: 'c1', ship_phone: '+86 138 0000 0002' },
    { order_no: 'O2', customer_id: 'c2', ship_phone: '13800000002' },
  ],
  'shop.gift_notes': [{ id: 1, order_no: 'O1', to_phone: '13800000002' }],
  'club.members': [
    { code: 'LM-1', phone: '13900000001', parent_code: null, sponsor_code: null, device_id: 'T' },
    { code: 'LM-2', phone: null, parent_code: 'LM-1', sponsor_code: 'LM-3', device_id: 'T' },
    { code: 'LM-3', phone: '13900000003', parent_code: null, sponsor_code: null, device_id: null },
  ],
  'club.ledger': [
    { code: 'LM-1', seq: 1, points: 100 },
    { code: 'LM-2', seq: 1, points: 5 },
    { code: 'LM-3', seq: 1, points: 7 },
  ],
  'club.devices': [{ device_id: 'T' }],
  'club.logins': [{ id: 9, device_id: 'T' }],
};

export function familyMap(): DataMap {
  const result = parseDataMap(FAMILY_MAP, 'family.yaml', {});
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.map;
}

export function familyLookup(tables: Record<string, SourceRow[]> = FAMILY_TABLES): BatchLookup {
  return async (group, values) => {
    const wanted = new Set(values);
    return (tables[group.collection] ?? []).filter((row) => {
      const value = canonicalIdentity(group.match, row[group.field]);
      return value !== null && wanted.has(value);
    });
  };
}

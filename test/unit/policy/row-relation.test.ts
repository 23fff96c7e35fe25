/**
 * Whose row is it (src/core/policy/row-relation.ts): a decision may use the queried
 * subject's consent and age only on rows that are theirs. A referrer's row carrying their
 * own e-mail is another person's; a device found by the subject's shared device id and
 * naming nobody is decided as the subject's; an up-reference's target naming nobody, in a
 * collection that does name people, is nobody's we can tell — decided as another person's;
 * a row of a collection naming nobody at all (an employer) is context of the subject's.
 */
import { parseDataMap } from '../../../src/core/datamap/parse-data-map';
import type { SubjectSide } from '../../../src/core/policy/row-relation';
import { rowRelation, subjectIdentityIds } from '../../../src/core/policy/row-relation';
import type { FoundRow } from '../../../src/core/traversal/subject-graph';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';

const parsed = parseDataMap(
  `
version: 1
organization: { name: Shop }
identities:
  email: { format: email }
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
          id: {}
          email: { identity: email, category: user.contact.email }
          referred_by: { references: shop.customers.id, follow: up }
          employer_id: { references: shop.employers.id, follow: up }
      employers:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: {}
          name: { category: user.workplace }
      devices:
        primaryKey: [device_id]
        purposes: [ops]
        fields:
          device_id: { identity: device, category: user.device.device_id }
          owner_email: { identity: email, category: user.contact.email }
      logins:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: {}
          customer_id: { references: shop.customers.id }
          device_id: { references: shop.devices.device_id, follow: up }
`,
  'shop.yaml',
  {},
);
if (!parsed.ok) throw new Error('bad map');
const graph = buildTraversalGraph(parsed.map);
const customers = graph.nodes.get('shop.customers');
const devices = graph.nodes.get('shop.devices');
const logins = graph.nodes.get('shop.logins');
const employers = graph.nodes.get('shop.employers');
const ethan: SubjectSide = {
  identities: subjectIdentityIds([
    { kind: 'email', value: 'ethan@example.net', shared: false },
    { kind: 'device', value: 'pad-1', shared: true },
  ]),
  // his own customer row is c2
  ownValue: (address, field, value) =>
    address === 'shop.customers' && field === 'id' && value === 'c2',
};
const found = (row: Record<string, unknown>, role: FoundRow['role'] = 'terminal'): FoundRow => ({
  key: '["x"]',
  row,
  role,
});

describe('rowRelation', () => {
  it('a subject row is the subject’s own, whatever it carries', () => {
    expect(rowRelation(customers, found({ email: 'alice@example.com' }, 'subject'), ethan)).toEqual(
      { kind: 'own' },
    );
  });

  it('a related row carrying someone else’s identity is theirs, named by it (canonical)', () => {
    expect(rowRelation(customers, found({ id: 'c1', email: 'Alice@Example.COM' }), ethan)).toEqual({
      kind: 'other',
      identities: [{ kind: 'email', value: 'alice@example.com', shared: false }],
    });
  });

  it('a related row carrying only the subject’s identities is theirs', () => {
    expect(rowRelation(customers, found({ email: 'ETHAN@example.net' }), ethan)).toEqual({
      kind: 'own',
    });
  });

  it('a row found by the subject’s shared identity that names nobody else is shared', () => {
    expect(rowRelation(devices, found({ device_id: 'pad-1', owner_email: null }), ethan)).toEqual({
      kind: 'shared',
    });
  });

  it('a shared device registered to someone else is that person’s', () => {
    expect(
      rowRelation(devices, found({ device_id: 'pad-1', owner_email: 'alice@example.com' }), ethan),
    ).toMatchObject({ kind: 'other', identities: [{ kind: 'email' }] });
  });

  it('a related row naming nobody is another person’s we cannot name', () => {
    expect(rowRelation(customers, found({ id: 'c9', email: null }), ethan)).toEqual({
      kind: 'other',
      identities: [],
    });
    expect(rowRelation(devices, found({ device_id: 'pad-2' }), ethan)).toEqual({
      kind: 'other',
      identities: [],
    });
  });

  it('a row of a collection that names nobody at all (an employer) is context of the subject’s', () => {
    expect(rowRelation(employers, found({ id: 'e1', name: 'Acme' }), ethan)).toEqual({
      kind: 'own',
    });
  });

  it('a row found by the shared device belongs to its parent’s person', () => {
    // his own login on the shared device, and another customer's login on it
    expect(
      rowRelation(logins, found({ id: 1, customer_id: 'c2', device_id: 'pad-1' }), ethan),
    ).toEqual({ kind: 'own' });
    expect(
      rowRelation(logins, found({ id: 2, customer_id: 'c3', device_id: 'pad-1' }), ethan),
    ).toEqual({ kind: 'other', identities: [] });
  });
});

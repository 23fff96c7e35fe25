/** A tiny two-system world for the traversal's unit tests, with an in-memory lookup that
 * compares values exactly as the SQL connectors do (canonical forms). */
import { parseDataMap } from '../../../src/core/datamap/parse-data-map';
import type { DataMap } from '../../../src/core/datamap/model';
import { canonicalIdentity } from '../../../src/core/identity/canonical';
import type { BatchLookup, LookupGroup } from '../../../src/core/traversal/resolve-subjects';
import type { SourceRow } from '../../../src/core/traversal/source-row';

const MAP = `
version: 1
organization: { name: Tiny Co }
identities:
  email: { format: email }
  phone: { format: phone_cn }
  uid: {}
  device: { shared: true }
purposes: { ops: { name: Operations } }
systems:
  a:
    name: System A
    source: { kind: postgres, url: "postgres://unused/db", schema: a }
    collections:
      users:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: { identity: uid }
          email: { identity: email, category: user.contact.email }
          phone: { identity: phone, category: user.contact.phone_number }
          org_id: { references: a.orgs.id, follow: up }
      orgs:
        primaryKey: [id]
        purposes: [ops]
        fields: { id: {}, name: {} }
      posts:
        primaryKey: [id]
        purposes: [ops]
        fields: { id: {}, author_id: { references: a.users.id }, body: { category: user.content } }
      devices:
        primaryKey: [device_id]
        purposes: [ops]
        fields: { device_id: { identity: device, category: user.device.device_id }, model: {} }
      user_devices:
        primaryKey: [user_id, device_id]
        purposes: [ops]
        fields: { user_id: { references: a.users.id }, device_id: { references: a.devices.device_id } }
      logs:
        primaryKey: [id]
        purposes: [ops]
        fields: { id: {}, device_id: { identity: device, category: user.device.device_id } }
  b:
    name: System B
    source: { kind: postgres, url: "postgres://unused/db", schema: b }
    collections:
      profiles:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: {}
          user_id: { references: a.users.id }
          alt_email: { identity: email, category: user.contact.email }
`;

export function tinyMap(): DataMap {
  const result = parseDataMap(MAP, 'tiny.yaml', {});
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.map;
}

export const TABLES: Record<string, SourceRow[]> = {
  'a.users': [
    { id: 1, email: 'Ann@Example.com', phone: '+86 138 0013 8000', org_id: 10 },
    { id: 2, email: 'bob@example.com', phone: '13900139000', org_id: 10 },
    { id: 3, email: 'ann.alt@example.com', phone: null, org_id: null },
    { id: 4, email: 'cy@example.com', phone: '13700137000', org_id: null },
  ],
  'a.orgs': [{ id: 10, name: 'Org' }],
  'a.posts': [
    { id: 100, author_id: 1, body: 'ann post' },
    { id: 101, author_id: 2, body: 'bob post' },
    { id: 102, author_id: 3, body: 'ann alt post' },
  ],
  'a.devices': [
    { device_id: 'D1', model: 'tablet' },
    { device_id: 'D2', model: 'phone' },
  ],
  'a.user_devices': [
    { user_id: 1, device_id: 'D1' },
    { user_id: 2, device_id: 'D1' },
    { user_id: 2, device_id: 'D2' },
  ],
  'a.logs': [
    { id: 1000, device_id: 'D1' },
    { id: 1001, device_id: 'D2' },
  ],
  'b.profiles': [{ id: 50, user_id: 1, alt_email: 'ANN.ALT@example.com' }],
};

export interface RecordedLookup {
  readonly group: LookupGroup;
  readonly values: readonly string[];
}

export function memoryLookup(failing: ReadonlySet<string> = new Set()): {
  lookup: BatchLookup;
  calls: RecordedLookup[];
} {
  const calls: RecordedLookup[] = [];
  const lookup: BatchLookup = async (group, values) => {
    calls.push({ group, values });
    const system = group.collection.split('.')[0] ?? '';
    if (failing.has(system))
      throw Object.assign(new Error(`source "${system}" is unavailable`), { system });
    const wanted = new Set(values);
    return (TABLES[group.collection] ?? []).filter((row) => {
      const value = canonicalIdentity(group.match, row[group.field]);
      return value !== null && wanted.has(value);
    });
  };
  return { lookup, calls };
}

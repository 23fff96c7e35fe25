/**
 * A synthetic data map of any size for the schema-build benchmark (SPEC §9: "schema build for
 * a data map of 200 collections / 2,000 fields: < 2 s"), written as YAML so it goes through
 * the gateway's own parser. Deterministic: the same size gives the same text, byte for byte.
 *
 * Shaped like a real estate, not like a grid: system 0 is the account service whose `users`
 * carry the user id, e-mail and phone identities; every other system's first collection
 * points at `users` by the user id (a service's own customer record), and each further
 * collection hangs under an earlier one of its system (`parent_id`, a tree three levels
 * deep), so every collection is reachable the way the map validator requires
 * (validate-reachability.ts) and a traversal has real depth. The other fields come from a
 * rotating list of realistic columns with categories from the built-in taxonomy; a few
 * collections make their e-mail, phone, device id or cookie id an identity. Sources are
 * PostgreSQL at a host that does not resolve (`.invalid`, RFC 6761): building the schema
 * must never connect, and anything that tried would fail loudly.
 */
import { stringify } from 'yaml';

export interface SyntheticSize {
  readonly systems: number;
  readonly collectionsPerSystem: number;
  readonly fieldsPerCollection: number;
}

/** SPEC §9's size: 200 collections, 2,000 fields. */
export const SPEC_SIZE: SyntheticSize = {
  systems: 20,
  collectionsPerSystem: 10,
  fieldsPerCollection: 10,
};

export const PURPOSES = [
  'account_management',
  'service_delivery',
  'customer_service',
  'security_operations',
  'analytics',
  'marketing',
  'dsar',
] as const;

// prettier-ignore
const SYSTEMS = [
  'accounts', 'billing', 'crm', 'support', 'marketing', 'analytics', 'security', 'logistics',
  'orders', 'payments', 'loyalty', 'hr', 'workspace', 'tracking', 'compliance',
  'notifications', 'reviews', 'chat', 'recommendations', 'storage',
];

// prettier-ignore
const COLLECTIONS = [
  'customers', 'orders', 'payments', 'addresses', 'sessions', 'messages', 'tickets', 'events',
  'devices', 'consents', 'invoices', 'subscriptions', 'reviews', 'notifications', 'shipments',
  'contacts', 'preferences', 'logins', 'documents', 'visits',
];

type Field = Record<string, string>;

/** Columns a collection draws its other fields from; `identity` is used only where a
 * collection is chosen to carry one (`carriesIdentities`). */
const COLUMNS: readonly (readonly [string, Field])[] = [
  ['email', { identity: 'email', category: 'user.contact.email' }],
  ['full_name', { category: 'user.name' }],
  ['created_at', { type: 'datetime' }],
  ['phone', { identity: 'phone', category: 'user.contact.phone_number' }],
  ['city', { category: 'user.contact.address.city' }],
  ['status', {}],
  ['date_of_birth', { category: 'user.demographic.date_of_birth', type: 'date' }],
  ['ip_address', { category: 'user.device.ip_address' }],
  ['device_id', { identity: 'device_id', category: 'user.device.device_id' }],
  ['amount', { type: 'decimal' }],
  ['gender', { category: 'user.demographic.gender' }],
  ['note', { category: 'user.content.private', erasure: 'null' }],
  ['cookie_id', { identity: 'cookie_id', category: 'user.device.cookie_id' }],
  ['street', { category: 'user.contact.address.street', erasure: 'mask' }],
  ['language', { category: 'user.demographic.language' }],
  ['page', { category: 'user.behavior.browsing_history' }],
  ['password_hash', { category: 'user.credentials.password' }],
];

const IDENTITIES = {
  email: { format: 'email' },
  phone: { format: 'phone_cn' },
  user_id: {},
  cookie_id: {},
  device_id: { shared: true },
};

const USERS_FIELDS: Record<string, Field> = {
  id: { identity: 'user_id', category: 'user.unique_id' },
  email: { identity: 'email', category: 'user.contact.email' },
  phone: { identity: 'phone', category: 'user.contact.phone_number' },
  full_name: { category: 'user.name' },
  date_of_birth: { category: 'user.demographic.date_of_birth', type: 'date' },
  gender: { category: 'user.demographic.gender' },
  password_hash: { category: 'user.credentials.password' },
  language: { category: 'user.demographic.language' },
  status: {},
  created_at: { type: 'datetime' },
};

/** The index-th name of a list, numbered once the list runs out (`accounts_2`). */
const nameOf = (list: readonly string[], index: number) =>
  `${list[index % list.length]}${index < list.length ? '' : `_${Math.floor(index / list.length) + 1}`}`;

/** Collection k (k ≥ 1) hangs under collection ⌊(k − 1) / 3⌋: a tree three levels deep. */
const parentOf = (k: number) => Math.floor((k - 1) / 3);

/** Every fifth collection, from the second on, finds people by its own columns too. */
const carriesIdentities = (k: number) => k % 5 === 1;

/** System s's collection keys: 20 nouns, each system starting at a different one. */
const collectionKeys = (size: SyntheticSize, s: number) =>
  Array.from({ length: size.collectionsPerSystem }, (_, k) =>
    s === 0 && k === 0
      ? 'users'
      : nameOf(COLLECTIONS, ((s * 3 + k) % COLLECTIONS.length) + k - (k % COLLECTIONS.length)),
  );

function collectionOf(
  size: SyntheticSize,
  s: number,
  k: number,
  systemKey: string,
  keys: readonly string[],
): unknown {
  const fields: Record<string, Field> = { id: {} };
  if (s === 0 && k === 0) Object.assign(fields, USERS_FIELDS);
  else if (k === 0)
    fields.user_id = { references: 'accounts.users.id', category: 'user.unique_id' };
  else fields.parent_id = { references: `${systemKey}.${keys[parentOf(k)]}.id` };
  for (let i = 0; Object.keys(fields).length < size.fieldsPerCollection; i++) {
    const [column, field] = COLUMNS[(s * 7 + k * 3 + i) % COLUMNS.length] ?? ['', {}];
    const key = column in fields ? `${column}_${i}` : column;
    const { identity, ...plain } = field;
    fields[key] = identity && carriesIdentities(k) ? field : plain;
  }
  const purposes = [PURPOSES[(s + k) % 6], PURPOSES[(s + 2 * k + 1) % 6], 'dsar'];
  return {
    description: `Synthetic ${keys[k]} of the ${systemKey} system`,
    primaryKey: ['id'],
    purposes: [...new Set(purposes)],
    legalBasis: k % 4 === 3 ? 'consent' : k % 4 === 2 ? 'legitimate_interests' : 'contract',
    retention: { days: 365 * (1 + ((s + k) % 5)) },
    erasure: k % 3 === 2 ? 'rewrite' : 'delete',
    fields,
  };
}

export function syntheticDataMapYaml(size: SyntheticSize): string {
  const systems: Record<string, unknown> = {};
  for (let s = 0; s < size.systems; s++) {
    const key = nameOf(SYSTEMS, s);
    const keys = collectionKeys(size, s);
    const collections = Object.fromEntries(
      keys.map((collection, k) => [collection, collectionOf(size, s, k, key, keys)]),
    );
    systems[key] = {
      name: `Synthetic ${key} service`,
      owner: `${key}-team`,
      region: 'CN',
      source: {
        kind: 'postgres',
        url: `postgres://privgraph@${key}.schema-bench.invalid:5432/${key}`,
        schema: key,
      },
      collections,
    };
  }
  const text = stringify(systems, { lineWidth: 0 });
  const map = {
    version: 1,
    organization: { name: 'Synthetic Estate Ltd.', homeRegion: 'CN' },
    // Only the kinds some field carries: the validator refuses a kind nobody carries.
    identities: Object.fromEntries(
      Object.entries(IDENTITIES).filter(([kind]) => text.includes(`identity: ${kind}`)),
    ),
    purposes: Object.fromEntries(PURPOSES.map((p) => [p, { name: p.replace('_', ' ') }])),
    systems,
  };
  const header = `# Synthetic data map for the schema-build benchmark: ${size.systems} systems × ${size.collectionsPerSystem} collections × ${size.fieldsPerCollection} fields.\n`;
  return header + stringify(map, { lineWidth: 0 });
}

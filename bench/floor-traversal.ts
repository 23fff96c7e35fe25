/**
 * The floor's subject lookup: the gateway's traversal (docs/traversal.md) written out by hand
 * for the demo world and the benchmark query, with nothing generic left — no data map, no
 * plan, no GraphQL, no DataLoader. It keeps what makes the answer right and the SQL the same:
 * lock-step rounds, one statement per lookup per round with every value of that round, all
 * of a round's statements in flight at once, values compared in canonical form, a row's
 * identities seeding the next round, shared identities (devices) never expanded.
 */
import type { FloorSources } from './floor-read';
import { readLookup } from './floor-read';
import type { FloorLookupName } from './floor-sql';
import { FLOOR_LOOKUPS } from './floor-sql';

type Row = Record<string, unknown>;
type Kind = 'phone' | 'email' | 'user_id' | 'cookie_id' | 'device_id';

/** Where each identity kind is declared in the demo map: where a value of it is looked up. */
const LOOKUPS_BY_KIND: Readonly<Record<Kind, readonly FloorLookupName[]>> = {
  phone: ['usersByPhone', 'codesByPhone', 'employeesByPhone'],
  email: ['usersByEmail', 'employeesByEmail'],
  user_id: ['usersById'],
  cookie_id: ['identifiersByCookie'],
  device_id: ['devicesById', 'logsByDevice'],
};

/** Collections that reference an account (`follow: down`) and that the query needs. */
const CHILDREN_OF_USER: readonly FloorLookupName[] = [
  'employeesByUser',
  'consultationsByUser',
  'eventsByUser',
  'userDevicesByUser',
  'identifiersByUser',
  'consentsByUser',
];

const MAX_ROUNDS = 32;
const CN_MOBILE = /^(?:0086|86)?(1\d{10})$/;

export interface FoundPerson {
  /** `kind` → canonical values, in the order found. */
  readonly identities: { kind: Kind; value: string }[];
  /** `system.collection` → rows by primary key. */
  readonly rows: Map<string, Map<string, Row>>;
}

function canonical(kind: Kind, raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  if (text.length === 0 || text.length > 512 || text.includes('\u0000')) return null;
  if (kind === 'phone') {
    const match = CN_MOBILE.exec(text.replace(/\D/g, ''));
    return match ? `+86${match[1]}` : null;
  }
  if (kind === 'email') return text.trim().toLowerCase() || null;
  return text;
}

/** The date after which a birth date makes a minor (under 14) today, as the gateway's. */
function minorCutoff(now: Date): string {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear() - 14, now.getUTCMonth(), now.getUTCDate()));
  return cutoff.toISOString().slice(0, 10);
}

export async function findPerson(sources: FloorSources, phone: string): Promise<FoundPerson> {
  const cutoff = minorCutoff(new Date());
  const person: FoundPerson = { identities: [], rows: new Map() };
  const seen = new Set<string>();
  const asked = new Map<FloorLookupName, Set<string>>();
  let pending = new Map<FloorLookupName, string[]>();

  const ask = (name: FloorLookupName, value: unknown): void => {
    if (value === null || value === undefined) return;
    const text = String(value);
    const before = asked.get(name) ?? new Set<string>();
    asked.set(name, before);
    if (before.has(text)) return;
    before.add(text);
    const values = pending.get(name);
    if (values) values.push(text);
    else pending.set(name, [text]);
  };
  const identity = (kind: Kind, raw: unknown): void => {
    const value = canonical(kind, raw);
    if (value === null || seen.has(`${kind}\u0000${value}`)) return;
    seen.add(`${kind}\u0000${value}`);
    person.identities.push({ kind, value });
    for (const name of LOOKUPS_BY_KIND[kind]) ask(name, value);
  };

  /** What a subject row of each collection leads to (the demo map's identity and
   * reference edges, for the collections the query needs). */
  const expand = (collection: string, row: Row): void => {
    switch (collection) {
      case 'accounts.users':
        identity('phone', row.phone);
        identity('email', row.email);
        identity('user_id', row.id);
        for (const name of CHILDREN_OF_USER) ask(name, row.id);
        return;
      case 'accounts.verification_codes':
        return identity('phone', row.phone);
      case 'workspace.employees':
        identity('user_id', row.user_id);
        identity('email', row.work_email);
        identity('phone', row.work_phone);
        return ask('tasksByAssignee', row.id);
      case 'security.user_devices':
        identity('user_id', row.user_id);
        identity('device_id', row.device_id);
        return ask('devicesById', row.device_id);
      case 'tracking.identifiers':
        identity('cookie_id', row.cookie_id);
        return identity('user_id', row.user_id);
      case 'support.consultations':
      case 'analytics.events':
      case 'compliance.consent_records':
        return identity('user_id', row.user_id);
    }
  };

  identity('phone', phone);
  for (let round = 0; pending.size > 0 && round < MAX_ROUNDS; round++) {
    const batch = [...pending];
    pending = new Map();
    const results = await Promise.all(
      batch.map(async ([name, values]) => {
        const lookup = FLOOR_LOOKUPS[name];
        return { lookup, rows: await readLookup(sources, lookup, values, cutoff) };
      }),
    );
    for (const { lookup, rows } of results) {
      const byKey = person.rows.get(lookup.collection) ?? new Map<string, Row>();
      person.rows.set(lookup.collection, byKey);
      for (const row of rows) {
        const key = lookup.primaryKey.map((column) => String(row[column])).join('\u0000');
        if (byKey.has(key)) continue;
        byKey.set(key, row);
        if (lookup.role === 'subject') expand(lookup.collection, row);
      }
    }
  }
  return person;
}

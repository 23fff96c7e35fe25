/**
 * A shop where customers refer each other and share devices, for the tests of rows that are
 * not the queried subject's own (docs/decisions.md "Related rows: consent, age, audit and
 * exports"): a referrer's customer row, a child's, one naming nobody; a shared tablet, a
 * phone registered to someone else, and another customer's login on the shared tablet.
 * Its own schema (no other test touches it), its own map and policy files, the real test
 * gateway over them — no mocks. E-mails carry a per-run tag: consent lives in the one test
 * store every file shares.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { subjectKey } from '../../src/core/identity/subject-key';
import { recordConsentEvents } from '../../src/store';
import type { TestGateway } from './gateway-harness';
import { TEST_KEYS, startTestGateway } from './gateway-harness';
import { requireTestDatabaseUrl } from './test-database';

export interface ReferralWorld {
  readonly gateway: TestGateway;
  readonly schema: string;
  /** Each person's e-mail (canonical) and other values, for queries and leak scans. */
  readonly people: Record<PersonName, Person>;
  close(): Promise<void>;
}

export type PersonName = 'alice' | 'ethan' | 'bob' | 'mia' | 'dan' | 'gus' | 'finn';

export interface Person {
  readonly id: string;
  readonly email: string | null;
  readonly mobile: string | null;
  readonly name: string;
  readonly born: string | null;
}

function peopleOf(tag: string): Record<PersonName, Person> {
  const email = (local: string, domain: string) => `${local}.${tag}@${domain}`;
  return {
    alice: {
      id: 'c-alice',
      email: email('li.chen', 'example.com'),
      mobile: '+86 139 1000 0001',
      name: '陈丽',
      born: '1990-05-01',
    },
    ethan: {
      id: 'c-ethan',
      email: email('ethan.li', 'example.net'),
      mobile: '13910000002',
      name: 'Ethan Li',
      born: '1985-03-03',
    },
    bob: {
      id: 'c-bob',
      email: email('bob.wang', 'example.org'),
      mobile: '13910000003',
      name: 'Bob Wang',
      born: '1979-01-01',
    },
    mia: {
      id: 'c-mia',
      email: email('mia.wang', 'example.com'),
      mobile: '13910000004',
      name: '王小米',
      born: '2018-02-02',
    },
    dan: {
      id: 'c-dan',
      email: email('dan.xu', 'example.com'),
      mobile: '13910000005',
      name: 'Dan Xu',
      born: '1988-08-08',
    },
    gus: { id: 'c-gus', email: null, mobile: null, name: '郭明', born: null },
    finn: {
      id: 'c-finn',
      email: email('finn.zhao', 'example.com'),
      mobile: '13910000006',
      name: 'Finn Zhao',
      born: '1992-09-09',
    },
  };
}

const REFERRED_BY: Partial<Record<PersonName, PersonName>> = {
  ethan: 'alice',
  bob: 'alice',
  dan: 'mia',
  finn: 'gus',
};

const DDL = (s: string, people: Record<PersonName, Person>) => `
  CREATE SCHEMA ${s};
  CREATE TABLE ${s}.customers (id text PRIMARY KEY, email text, mobile text, full_name text NOT NULL,
    date_of_birth date, referred_by text REFERENCES ${s}.customers(id), created_at date NOT NULL);
  CREATE TABLE ${s}.devices (device_id text PRIMARY KEY, owner_email text, model text);
  CREATE TABLE ${s}.device_logins (id int PRIMARY KEY, customer_id text NOT NULL, device_id text NOT NULL, at date);
  INSERT INTO ${s}.customers VALUES ${(Object.keys(people) as PersonName[])
    .map((name) => {
      const p = people[name];
      const text = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
      return `(${text(p.id)}, ${text(p.email)}, ${text(p.mobile)}, ${text(p.name)}, ${text(p.born)}, ${text(
        REFERRED_BY[name] ? people[REFERRED_BY[name]].id : null,
      )}, '2024-01-01')`;
    })
    .join(', ')};
  INSERT INTO ${s}.devices VALUES ('pad-shared', NULL, 'MatePad'), ('phone-alice', '${people.alice.email}', 'Mate 60');
  INSERT INTO ${s}.device_logins VALUES (1, 'c-ethan', 'pad-shared', '2025-01-01'),
    (2, 'c-bob', 'pad-shared', '2025-01-02'), (3, 'c-ethan', 'phone-alice', '2025-01-03'),
    (4, 'c-alice', 'phone-alice', '2025-01-04');
`;

const MAP = (url: string, s: string) => `
version: 1
organization: { name: Referral shop }
identities:
  email: { format: email }
  phone: { format: phone_cn }
  device_id: { shared: true }
purposes:
  service: { name: Customer service }
  marketing: { name: Offers }
  dsar: { name: Requests }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: '${url}', schema: ${s} }
    collections:
      customers:
        primaryKey: [id]
        purposes: [service, marketing, dsar]
        erasure: delete
        fields:
          id: { category: user.unique_id }
          email: { identity: email, category: user.contact.email }
          mobile: { identity: phone, category: user.contact.phone_number }
          full_name: { category: user.name }
          date_of_birth: { category: user.demographic.date_of_birth }
          referred_by: { references: shop.customers.id, follow: up }
          created_at: {}
      devices:
        primaryKey: [device_id]
        purposes: [service, marketing, dsar]
        erasure: delete
        fields:
          device_id: { identity: device_id, category: user.device.device_id }
          owner_email: { identity: email, category: user.contact.email }
          model: { category: user.device.model }
      device_logins:
        primaryKey: [id]
        purposes: [service, marketing, dsar]
        erasure: delete
        fields:
          id: {}
          customer_id: { references: shop.customers.id }
          device_id: { identity: device_id, category: user.device.device_id }
          at: {}
`;

const POLICY = `
version: 1
purposes:
  service: {}
  marketing: { requiresConsent: true }
  dsar: { universal: true }
roles:
  dpo:
    purposes: [dsar]
    rules: [{ category: user, access: allow }]
    may: [request.create, request.approve, request.export, audit.read]
  support-agent:
    purposes: [service]
    rules:
      - { category: user.name, access: allow }
      - { category: user.unique_id, access: allow }
      - { category: user.contact, access: mask }
      - { category: user.demographic.date_of_birth, access: generalize }
      - { category: user.device, access: allow }
  marketing-app:
    purposes: [marketing]
    rules:
      - { category: user.name, access: mask }
      - { category: user.unique_id, access: hash }
      - { category: user.contact.email, access: tokenize }
      - { category: user.demographic.date_of_birth, access: generalize }
      - { category: user.device, access: allow }
`;

/** `asOf`: the gateway's clock (Mia is under 14 on it). Ethan, Bob and Dan consented to
 * marketing; Alice, Mia, Gus and Finn did not. */
export async function startReferralWorld(asOf: Date): Promise<ReferralWorld> {
  const url = requireTestDatabaseUrl();
  const tag = randomBytes(4).toString('hex');
  const schema = `referral_${tag}`;
  const people = peopleOf(tag);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(DDL(schema, people));
  } finally {
    await client.end();
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-referral-'));
  const mapFile = path.join(dir, 'datamap.yaml');
  const policyFile = path.join(dir, 'policy.yaml');
  writeFileSync(mapFile, MAP(url, schema));
  writeFileSync(policyFile, POLICY);
  const gateway = await startTestGateway(mapFile, {
    policyFile,
    now: () => asOf,
    audit: true,
    requests: true,
  });
  await recordConsentEvents(
    gateway.store,
    (['ethan', 'bob', 'dan'] as const).map((name) => ({
      subjectKey: subjectKey(TEST_KEYS.hashKey, 'email', people[name].email ?? ''),
      purpose: 'marketing',
      action: 'grant' as const,
      recordedBy: 'referral-world',
    })),
  );
  return {
    gateway,
    schema,
    people,
    close: async () => {
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

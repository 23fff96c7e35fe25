/**
 * Accumulates the demo world's rows and, when asked to, whom each row is about: the
 * ownership the ground truth is read from. Seeding a large world streams the rows out in
 * batches without tracking anything (a million people would not fit in memory otherwise).
 * Row ids come from per-table sequences in disjoint ranges, so an id that turns up in the
 * wrong table (a traversal joining the wrong columns) matches nothing and shows up as a
 * missing row rather than as a plausible wrong one.
 */
import { Ownership } from '../lib/ground-truth';
import type { PkValue } from '../lib/ground-truth';
import type { Row } from '../lib/table-spec';
import { DEMO_TABLES } from './tables';

const ID_BASE: Readonly<Record<string, number>> = {
  'accounts.users': 10_000_000,
  'accounts.verification_codes': 600_000_000,
  'workspace.organizations': 1_000,
  'workspace.employees': 20_000_000,
  'workspace.tasks': 300_000_000,
  'workspace.approvals': 400_000_000,
  'support.consultations': 500_000_000,
  'analytics.events': 1_000_000_000,
  'security.security_logs': 2_000_000_000,
  'compliance.consent_records': 700_000_000,
  'compliance.sharing_records': 800_000_000,
};

export const DEMO_IDENTITY_KINDS = {
  email: { format: 'email', shared: false },
  phone: { format: 'phone_cn', shared: false },
  user_id: { format: 'exact', shared: false },
  cookie_id: { format: 'exact', shared: false },
  device_id: { format: 'exact', shared: true },
} as const;

export type DemoIdentityKind = keyof typeof DEMO_IDENTITY_KINDS;

type Identities = Record<DemoIdentityKind, Set<string>>;

export type DemoRowBatch = Record<string, Row[]>;

function emptyBatch(): DemoRowBatch {
  return Object.fromEntries(DEMO_TABLES.map((t) => [t.address, []]));
}

export class DemoWorldBuilder {
  readonly owners: Ownership[] = [];
  readonly identities: Identities[] = [];
  /** device id → ids of its security-log rows (what a device-id seed finds). */
  readonly logsByDevice = new Map<string, number[]>();
  private batch = emptyBatch();
  private readonly sequences = new Map<string, number>();

  /** `track`: record ownership and identities (for ground truth); off when only seeding. */
  constructor(readonly track: boolean) {}

  addPerson(index: number): void {
    if (!this.track) return;
    this.owners[index] = new Ownership();
    this.identities[index] = {
      email: new Set(),
      phone: new Set(),
      user_id: new Set(),
      cookie_id: new Set(),
      device_id: new Set(),
    };
  }

  nextId(address: string): number {
    const next = (this.sequences.get(address) ?? ID_BASE[address] ?? 0) + 1;
    this.sequences.set(address, next);
    return next;
  }

  add(address: string, row: Row): void {
    const rows = this.batch[address];
    if (!rows) throw new Error(`no demo table ${address}`);
    rows.push(row);
  }

  /** The rows added since the last call. */
  takeBatch(): DemoRowBatch {
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch;
  }

  /** A row about `person`, which the traversal expands. */
  addOwn(person: number, address: string, pk: PkValue, row: Row): void {
    this.add(address, row);
    this.addSubject(person, address, pk);
  }

  addSubject(person: number, address: string, pk: PkValue): void {
    if (this.track) this.owner(person).addSubject(address, pk);
  }

  addRelated(person: number, address: string, pk: PkValue): void {
    if (this.track) this.owner(person).addRelated(address, pk);
  }

  addDeviceLogs(deviceId: string, logs: number[]): void {
    if (this.track) this.logsByDevice.set(deviceId, logs);
  }

  identify(person: number, kind: DemoIdentityKind, canonical: string): void {
    if (this.track) this.identitiesOf(person)[kind].add(canonical);
  }

  owner(person: number): Ownership {
    const owner = this.owners[person];
    if (!owner) throw new Error(`unknown person ${person}`);
    return owner;
  }

  identitiesOf(person: number): Identities {
    const identities = this.identities[person];
    if (!identities) throw new Error(`unknown person ${person}`);
    return identities;
  }
}

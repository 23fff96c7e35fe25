/**
 * What an erasure of a demo person must do, from the generator's ground truth alone — never
 * from the planner it checks (SPEC §6): which rows are the person's, which are also someone
 * else's, which a hold keeps; and the person's identity values a surviving row must not hold.
 *
 * Glossary
 * - truth: `system.collection` → row keys (`rowKeyOf` of the primary key) of the person's
 *   own and related rows, as `DemoWorld.groundTruth` gives them;
 * - fate: what becomes of one of those rows — `exempt` (a hold keeps it), `shared` (another
 *   remaining person's too, kept), `erased` (deleted or rewritten by the map's strategy).
 */
import { canonicalIdentity } from '../../src/core/identity/canonical';
import type { ErasurePlan, RowKeyValues } from '../../src/core/requests/model';
import type { DemoPerson, DemoWorld } from '../../seeds/demo/generate';
import type { WorldSnapshot } from './demo-snapshot';
import { planRowKey } from './demo-snapshot';

export type Fate = 'exempt' | 'shared' | 'erased';
export type Truth = ReadonlyMap<string, ReadonlySet<string>>;

const DAY_MS = 86_400_000;

/** A retention hold on security logs, as placed in the test's store. */
export interface LogRetention {
  readonly days: number;
  readonly now: Date;
}

export class ErasureOracle {
  private readonly loggedAt: ReadonlyMap<string, number>;

  constructor(
    readonly demo: DemoWorld,
    private readonly retention: LogRetention,
  ) {
    this.loggedAt = new Map(
      (demo.rows['security.security_logs'] ?? []).map((row) => [
        planRowKey('security.security_logs', { id: row.id as number }),
        Date.parse(String(row.logged_at)),
      ]),
    );
  }

  truthOf(person: DemoPerson): Truth {
    return this.demo.groundTruth(person.index);
  }

  /** Whether two people have rows in common besides their organisation (related to every
   * colleague). */
  overlap(a: DemoPerson, b: DemoPerson): boolean {
    const other = this.truthOf(b);
    return [...this.truthOf(a)].some(
      ([address, keys]) =>
        address !== 'workspace.organizations' &&
        [...keys].some((key) => other.get(address)?.has(key)),
    );
  }

  /** Whether the retention hold still keeps a log row (its own arithmetic, not the planner's). */
  logHeld(key: string): boolean {
    const at = this.loggedAt.get(key);
    if (at === undefined) throw new Error(`no security log ${key} in the demo world`);
    return at + this.retention.days * DAY_MS > this.retention.now.getTime();
  }

  /**
   * `collection rowKey` → fate of each of the person's rows: a person hold keeps everything;
   * the retention hold keeps recent logs; a row that is also the row of someone not erased
   * (`erased`: people whose erasure took their rows) is kept; everything else goes.
   */
  expectedFates(
    person: DemoPerson,
    options: { readonly personHold: boolean; readonly erased: ReadonlySet<number> },
  ): Map<string, Fate> {
    const others = this.demo.people
      .filter((q) => q !== person && !options.erased.has(q.index))
      .map((q) => this.truthOf(q));
    const fates = new Map<string, Fate>();
    for (const [address, keys] of this.truthOf(person))
      for (const key of keys) {
        const fate: Fate =
          options.personHold || (address === 'security.security_logs' && this.logHeld(key))
            ? 'exempt'
            : others.some((truth) => truth.get(address)?.has(key))
              ? 'shared'
              : 'erased';
        fates.set(`${address} ${key}`, fate);
      }
    return fates;
  }
}

/** What a persisted plan says of each row it names, keyed like `expectedFates`. */
export function plannedFates(plan: ErasurePlan): Map<string, Fate> {
  const fates = new Map<string, Fate>();
  const set = (collection: string, key: RowKeyValues, fate: Fate) =>
    fates.set(`${collection} ${planRowKey(collection, key)}`, fate);
  for (const row of plan.exempt) set(row.collection, row.key, 'exempt');
  for (const row of plan.shared) set(row.collection, row.key, 'shared');
  for (const row of plan.unchanged) set(row.collection, row.key, 'erased');
  for (const source of plan.sources)
    for (const step of source.steps)
      if (step.kind === 'delete') for (const key of step.keys) set(step.collection, key, 'erased');
      else set(step.collection, step.key, 'erased');
  return fates;
}

/** The person's identity values (canonical) no surviving row may hold unless kept; the ids
 * of devices kept (shared, held) are left out — they are still someone's. */
export function identityValues(person: DemoPerson, keptDevices: ReadonlySet<string>): Set<string> {
  const { email, phone, user_id, cookie_id, device_id } = person.identities;
  return new Set([
    ...email,
    ...phone,
    ...user_id,
    ...cookie_id,
    ...device_id.filter((id) => !keptDevices.has(id)),
  ]);
}

/** Every cell of the snapshot (rows in `skip` aside) holding one of `values`, in any form the
 * demo stores identities in: e-mails in any case, phones typed with spaces or +86, ids as
 * numbers. */
export function leaks(
  snapshot: WorldSnapshot,
  values: ReadonlySet<string>,
  skip: ReadonlySet<string>,
): string[] {
  const found: string[] = [];
  for (const [address, rows] of snapshot)
    for (const [key, text] of rows) {
      if (skip.has(`${address} ${key}`)) continue;
      for (const [column, value] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
        if (value === null || typeof value === 'boolean') continue;
        const raw = String(value);
        const forms = [raw, canonicalIdentity('email', raw), canonicalIdentity('phone_cn', raw)];
        if (forms.some((form) => form !== null && values.has(form)))
          found.push(`${address} ${key} ${column}`);
      }
    }
  return found;
}

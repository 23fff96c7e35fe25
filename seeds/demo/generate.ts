/**
 * The demo world generator (SPEC §8): N people across the systems the Whale policy
 * describes, deterministic from `{ subjects, seed }`, with the ground truth of every person
 * — which rows a traversal from any of their identities must return — recorded as the rows
 * are made. Pure: no I/O, no clock, no `Math.random`.
 */
import type { GroundTruth, GroundTruthParts, IdentityValue } from '../lib/ground-truth';
import { groundTruthFrom, mergeParts, Ownership } from '../lib/ground-truth';
import { Random, streamSeed } from '../lib/random';
import type { Row } from '../lib/table-spec';
import type { DeviceOwner } from './activity-rows';
import { addDevice, addSupportAndAnalytics, addTrackingAndCompliance } from './activity-rows';
import type { PersonPlan } from './people';
import { DEMO_RATES, planPerson } from './people';
import type { DemoPerson } from './demo-person';
import { toDemoPerson } from './demo-person';
import { DEMO_TABLES } from './tables';
import type { Organization } from './workspace-rows';
import { addAccount, addEmployee, addOrganizations } from './workspace-rows';
import type { DemoRowBatch } from './world-builder';
import { DEMO_IDENTITY_KINDS, DemoWorldBuilder } from './world-builder';

export { DEMO_IDENTITY_KINDS } from './world-builder';
export type { DemoIdentityKind, DemoRowBatch } from './world-builder';
export type { DemoPerson } from './demo-person';

export const DEFAULT_DEMO_SEED = 20260630;

export interface DemoWorldOptions {
  readonly subjects: number;
  readonly seed?: number;
}

export interface DemoWorld {
  readonly subjects: number;
  readonly seed: number;
  /** `system.collection` → rows keyed by column name, in load order. */
  readonly rows: Record<string, Row[]>;
  readonly people: readonly DemoPerson[];
  /** Rows a traversal from the person (or from one of their identities) must return. */
  groundTruth(personIndex: number, via?: IdentityValue): GroundTruth;
  /** The same rows split into the person's own rows and related (never expanded) rows. */
  groundTruthParts(personIndex: number, via?: IdentityValue): GroundTruthParts;
}

/** Hooks `generateDemoWorld` uses to learn about people while the rows stream past. */
interface GeneratorHooks {
  readonly onPerson?: (plan: PersonPlan) => void;
  readonly onSharedDevice?: (a: number, b: number) => void;
}

/** People per yielded batch: bounds the memory a seed of any size needs. */
const BATCH_PEOPLE = 200;

/**
 * The demo world's rows in batches, in load order within each batch (foreign keys point to
 * rows of the same or an earlier batch). `seedDemoWorld` streams these into the database.
 */
export function* demoRowBatches(
  options: DemoWorldOptions,
  world: DemoWorldBuilder = new DemoWorldBuilder(false),
  hooks: GeneratorHooks = {},
): Generator<DemoRowBatch, void, undefined> {
  const { subjects, seed } = checkOptions(options);
  const orgs = addOrganizations(
    world,
    new Random(streamSeed(seed, -1)),
    Math.max(1, Math.ceil(subjects / 25)),
  );
  // Account holders not yet sharing a device: a later person may pair up with one of them.
  const pool: DeviceOwner[] = [];
  const pairRate = DEMO_RATES.sharedDevice / 2 / (1 - DEMO_RATES.workspaceOnly);
  let pairs = 0;
  for (let i = 0; i < subjects; i++) {
    world.addPerson(i);
    const p = planPerson(seed, i);
    hooks.onPerson?.(p);
    const userId = p.hasAccount ? addAccount(world, p) : null;
    if (p.hasEmployee)
      addEmployee(world, p, userId, orgs[p.rng.int(0, orgs.length - 1)] as Organization);
    if (userId !== null) {
      addSupportAndAnalytics(world, p, userId);
      addTrackingAndCompliance(world, p, userId);
      const me = { person: i, userId, ownerName: p.name.chinese ?? p.name.latinGiven };
      for (let d = p.rng.chance(0.05) ? 0 : p.rng.int(1, 2); d > 0; d--)
        addDevice(world, p.rng, [me]);
      if (pool.length > 0 && p.rng.chance(pairRate)) {
        const k = p.rng.int(0, pool.length - 1);
        const partner = pool[k] as DeviceOwner;
        pool[k] = pool[pool.length - 1] as DeviceOwner;
        pool.pop();
        addSharedDevice(world, p.rng, partner, me, hooks);
        pairs++;
      } else {
        pool.push(me);
      }
    }
    if ((i + 1) % BATCH_PEOPLE === 0) yield world.takeBatch();
  }
  // Even a tiny world has one pair, so the shared-device case is always there to test.
  if (pairs === 0 && pool.length >= 2) {
    addSharedDevice(
      world,
      new Random(streamSeed(seed, -2)),
      pool[0] as DeviceOwner,
      pool[1] as DeviceOwner,
      hooks,
    );
  }
  yield world.takeBatch();
}

/** A family tablet or a shared office PC: one device, bound to both accounts. */
function addSharedDevice(
  world: DemoWorldBuilder,
  rng: Random,
  a: DeviceOwner,
  b: DeviceOwner,
  hooks: GeneratorHooks,
): void {
  addDevice(world, rng, [a, b]);
  hooks.onSharedDevice?.(a.person, b.person);
}

function checkOptions(options: DemoWorldOptions): { subjects: number; seed: number } {
  const { subjects } = options;
  if (!Number.isInteger(subjects) || subjects < 1)
    throw new Error('subjects must be a positive integer');
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error('seed must be an integer in [0, 2^32)');
  return { subjects, seed };
}

/** The whole world in memory, with every person and their ground truth (for tests). */
export function generateDemoWorld(options: DemoWorldOptions): DemoWorld {
  const { subjects, seed } = checkOptions(options);
  const world = new DemoWorldBuilder(true);
  const plans: PersonPlan[] = [];
  const partners = new Map<number, number>();
  const rows: DemoRowBatch = Object.fromEntries(DEMO_TABLES.map((t) => [t.address, [] as Row[]]));
  const hooks: GeneratorHooks = {
    onPerson: (plan) => plans.push(plan),
    onSharedDevice: (a, b) => {
      partners.set(a, b);
      partners.set(b, a);
    },
  };
  for (const batch of demoRowBatches({ subjects, seed }, world, hooks)) {
    for (const [address, batchRows] of Object.entries(batch)) {
      const into = rows[address] as Row[];
      for (const row of batchRows) into.push(row);
    }
  }
  const people = plans.map((p) => toDemoPerson(p, world, partners.get(p.index)));
  const parts = groundTruthFrom({
    identities: DEMO_IDENTITY_KINDS,
    identitiesOf: (i) => people[i]?.identities ?? {},
    ownershipOf: (i) => world.owner(i),
    sharedRows: (_kind, deviceId) => {
      const found = new Ownership();
      found.addRelated('security.devices', deviceId);
      for (const log of world.logsByDevice.get(deviceId) ?? [])
        found.addRelated('security.security_logs', log);
      return found;
    },
  });
  return {
    subjects,
    seed,
    rows,
    people,
    groundTruth: (i, via) => mergeParts(parts(i, via)),
    groundTruthParts: parts,
  };
}

/**
 * The subject graph over the demo world, against the generator's ground truth: every
 * identity kind finds exactly the person's rows in every system, and no one else's.
 */
import type { DemoPerson, DemoWorld } from '../../seeds/demo/generate';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { TestGateway } from '../support/gateway-harness';
import { ADULTS_ONLY } from '../support/gateway-harness';
import {
  DEMO_MAP,
  comparable,
  everythingSelection,
  execute,
  rowKeysOf,
  startTestGateway,
} from '../support/gateway-harness';

const SUBJECTS = Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300);
let world: DemoWorld;
let gateway: TestGateway;
let query: string;

beforeAll(async () => {
  world = generateDemoWorld({ subjects: SUBJECTS, seed: 7 });
  // Traversal tests: ages are computed against a far-future clock so no subject is a minor
  // (minors' values are de-identified even for the DPO; tested in test/graph/access-*).
  gateway = await startTestGateway(DEMO_MAP, { now: ADULTS_ONLY });
  query = `query Q($by: IdentityInput!) { subject(by: $by) { ${everythingSelection(gateway.app.subject.model)} } }`;
});
afterAll(() => gateway?.close());

function sample(): DemoPerson[] {
  const picks = new Map<number, DemoPerson>();
  const take = (predicate: (p: DemoPerson) => boolean, n: number) => {
    for (const person of world.people.filter(predicate).slice(0, n))
      picks.set(person.index, person);
  };
  take((p) => p.flags.systems.length >= 7, 4);
  take((p) => p.flags.workspaceOnly, 2);
  take((p) => p.flags.minor, 2);
  take((p) => p.flags.sharesDeviceWith !== undefined, 4);
  take((p) => p.flags.systems.length <= 3, 3);
  return [...picks.values()];
}

async function found(by: Record<string, string>) {
  const result = await execute(gateway, query, { by });
  expect(result.errors).toBeUndefined();
  const subject = result.data?.subject as Record<string, unknown> | null;
  return subject ? comparable(rowKeysOf(gateway.app.subject.model, subject)) : {};
}

describe('subject(by:) on the demo world', () => {
  it('covers the cases the ground truth needs', () => {
    const people = sample();
    expect(people.some((p) => p.flags.workspaceOnly)).toBe(true);
    expect(people.some((p) => p.flags.sharesDeviceWith !== undefined)).toBe(true);
    expect(people.some((p) => p.flags.minor)).toBe(true);
  });

  it.each(['phone', 'email', 'user_id', 'cookie_id'])(
    'finds exactly the ground-truth rows by %s',
    async (kind) => {
      let checked = 0;
      for (const person of sample()) {
        const values = (person.identities as Record<string, readonly string[]>)[kind] ?? [];
        for (const value of values.slice(0, 2)) {
          expect({ person: person.index, kind, rows: await found({ [kind]: value }) }).toEqual({
            person: person.index,
            kind,
            rows: comparable(world.groundTruth(person.index, { kind, value })),
          });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  it('finds a person by the phone as they would type it', async () => {
    const person = sample()[0]!;
    expect(await found({ phone: person.typedPhone })).toEqual(
      comparable(world.groundTruth(person.index)),
    );
  });

  it('a shared device locates the device rows only, never a person', async () => {
    const person = world.people.find((p) => p.flags.sharesDeviceWith !== undefined)!;
    const deviceId = person.identities.device_id[0]!;
    const rows = await found({ device_id: deviceId });
    expect(rows).toEqual(
      comparable(world.groundTruth(person.index, { kind: 'device_id', value: deviceId })),
    );
    expect(rows['accounts.users']).toBeUndefined();
  });

  it('two people sharing a device each see the device, neither sees the other', async () => {
    const a = world.people.find(
      (p) => p.flags.sharesDeviceWith !== undefined && !p.flags.workspaceOnly,
    )!;
    const b = world.people[a.flags.sharesDeviceWith!]!;
    const rowsOfA = await found({ phone: a.identities.phone[0]! });
    const rowsOfB = await found({ phone: b.identities.phone[0]! });
    const shared = (rowsOfA['security.devices'] ?? []).filter((key) =>
      (rowsOfB['security.devices'] ?? []).includes(key),
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const key of rowsOfB['accounts.users'] ?? [])
      expect(rowsOfA['accounts.users'] ?? []).not.toContain(key);
  });

  it('nobody is found by an identity nobody has', async () => {
    const result = await execute(gateway, query, {
      by: { email: 'nobody-at-all@example.invalid' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.subject).toBeNull();
  });
});

import type { DemoWorld } from '../../../seeds/demo/generate';
import { generateDemoWorld } from '../../../seeds/demo/generate';

const world: DemoWorld = generateDemoWorld({ subjects: 3000, seed: 23 });
const pairs = world.people
  .filter(
    (p) => p.flags.sharesDeviceWith !== undefined && p.index < (p.flags.sharesDeviceWith as number),
  )
  .map(
    (p) =>
      [p, world.people[p.flags.sharesDeviceWith as number] as DemoWorld['people'][number]] as const,
  );

function sharedDevice(a: DemoWorld['people'][number], b: DemoWorld['people'][number]): string {
  const shared = a.identities.device_id.filter((d) => b.identities.device_id.includes(d));
  expect(shared).toHaveLength(1);
  return shared[0] as string;
}

describe('demo world: people sharing a device', () => {
  it('has pairs, each sharing exactly one device', () => {
    expect(pairs.length).toBeGreaterThan(20);
    for (const [a, b] of pairs) {
      expect(b.flags.sharesDeviceWith).toBe(a.index);
      sharedDevice(a, b);
    }
  });

  it('shows both of them the device and its security logs', () => {
    for (const [a, b] of pairs) {
      const device = JSON.stringify([sharedDevice(a, b)]);
      const logsA = world.groundTruth(a.index).get('security.security_logs') ?? new Set();
      const viaDevice = world.groundTruth(a.index, {
        kind: 'device_id',
        value: sharedDevice(a, b),
      });
      for (const person of [a, b])
        expect(world.groundTruthParts(person.index).related.get('security.devices')).toContain(
          device,
        );
      for (const log of viaDevice.get('security.security_logs') ?? []) expect(logsA).toContain(log);
    }
  });

  it('never shows one of them the other one’s own rows', () => {
    for (const [a, b] of pairs) {
      const truthA = world.groundTruth(a.index);
      const ownB = world.groundTruthParts(b.index).subject;
      for (const address of [
        'accounts.users',
        'security.user_devices',
        'analytics.events',
        'tracking.identifiers',
        'compliance.consent_records',
      ]) {
        for (const key of ownB.get(address) ?? [])
          expect(truthA.get(address)?.has(key) ?? false).toBe(false);
      }
    }
  });

  it('finds through the shared device id only the device and its logs, the same for both', () => {
    for (const [a, b] of pairs) {
      const value = sharedDevice(a, b);
      const fromA = world.groundTruth(a.index, { kind: 'device_id', value });
      expect([...fromA.keys()].sort()).toEqual(
        ['security.devices', 'security.security_logs'].slice(0, fromA.size),
      );
      expect(fromA.get('security.devices')).toEqual(new Set([JSON.stringify([value])]));
      expect(world.groundTruth(b.index, { kind: 'device_id', value })).toEqual(fromA);
      expect(world.groundTruthParts(a.index, { kind: 'device_id', value }).subject.size).toBe(0);
    }
  });
});

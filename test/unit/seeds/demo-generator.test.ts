import { ageAtReference } from '../../../seeds/lib/calendar';
import type { DemoWorld } from '../../../seeds/demo/generate';
import { demoRowBatches, generateDemoWorld } from '../../../seeds/demo/generate';

const world: DemoWorld = generateDemoWorld({ subjects: 4000, seed: 11 });
const share = (predicate: (p: DemoWorld['people'][number]) => boolean): number =>
  world.people.filter(predicate).length / world.people.length;

describe('generateDemoWorld: determinism', () => {
  it('makes the same world from the same seed', () => {
    const a = generateDemoWorld({ subjects: 300, seed: 5 });
    const b = generateDemoWorld({ subjects: 300, seed: 5 });
    expect(JSON.stringify(a.rows)).toBe(JSON.stringify(b.rows));
    expect(JSON.stringify(a.people)).toBe(JSON.stringify(b.people));
  });

  it('makes a different world from another seed', () => {
    const a = generateDemoWorld({ subjects: 50, seed: 5 });
    const b = generateDemoWorld({ subjects: 50, seed: 6 });
    expect(a.people[0]?.identities.phone).not.toEqual(b.people[0]?.identities.phone);
  });

  it('keeps person #i the same person whatever the world size (README examples stay true)', () => {
    const small = generateDemoWorld({ subjects: 100, seed: 5 });
    const large = generateDemoWorld({ subjects: 400, seed: 5 });
    // Only what depends on others may differ: the organisation, work address and approvals
    // (colleagues), and a device someone who exists only in the larger world shares.
    const stable = (world: DemoWorld, index: number) => {
      const p = world.people[index] as DemoWorld['people'][number];
      const rows = [...world.groundTruth(index)].filter(
        ([address]) => !address.startsWith('workspace.'),
      );
      return {
        names: p.names,
        typedPhone: p.typedPhone,
        identities: {
          ...p.identities,
          email: p.identities.email.filter((e) => !e.endsWith('.cn')),
        },
        rows: rows.map(([address, keys]) => [address, [...keys].sort()]).sort(),
      };
    };
    const unpaired = small.people.filter(
      (p) => p.flags.sharesDeviceWith === large.people[p.index]?.flags.sharesDeviceWith,
    );
    expect(unpaired.length).toBeGreaterThan(90);
    for (const p of unpaired) expect(stable(large, p.index)).toEqual(stable(small, p.index));
  });

  it('streams exactly the rows it returns in memory', () => {
    const streamed = new Map<string, number>();
    for (const batch of demoRowBatches({ subjects: 1200, seed: 11 })) {
      for (const [address, rows] of Object.entries(batch))
        streamed.set(address, (streamed.get(address) ?? 0) + rows.length);
    }
    const whole = generateDemoWorld({ subjects: 1200, seed: 11 });
    expect(Object.fromEntries(streamed)).toEqual(
      Object.fromEntries(Object.entries(whole.rows).map(([a, r]) => [a, r.length])),
    );
  });

  it('refuses a nonsensical size or seed', () => {
    expect(() => generateDemoWorld({ subjects: 0 })).toThrow(/subjects/);
    expect(() => generateDemoWorld({ subjects: 10, seed: -1 })).toThrow(/seed/);
  });
});

describe('generateDemoWorld: population', () => {
  it.each([
    [
      'minors (under 14 at the reference date)',
      (p: DemoWorld['people'][number]) => p.flags.minor,
      0.05,
    ],
    [
      'workspace-only people (no account)',
      (p: DemoWorld['people'][number]) => p.flags.workspaceOnly,
      0.05,
    ],
    [
      'people with no employee row',
      (p: DemoWorld['people'][number]) => !p.flags.systems.includes('workspace'),
      0.1,
    ],
    [
      'people with no analytics',
      (p: DemoWorld['people'][number]) => !p.flags.systems.includes('analytics'),
      0.1,
    ],
    ['people under legal hold', (p: DemoWorld['people'][number]) => p.flags.legalHold, 0.02],
    [
      'people sharing a device',
      (p: DemoWorld['people'][number]) => p.flags.sharesDeviceWith !== undefined,
      0.03,
    ],
  ])('has about the intended share of %s', (_label, predicate, expected) => {
    expect(share(predicate)).toBeGreaterThan(expected * 0.6);
    expect(share(predicate)).toBeLessThan(expected * 1.4);
  });

  it('has people present in every system and people present in only some', () => {
    const everywhere = [
      'accounts',
      'analytics',
      'compliance',
      'security',
      'support',
      'tracking',
      'workspace',
    ];
    expect(share((p) => everywhere.every((s) => p.flags.systems.includes(s)))).toBeGreaterThan(0.3);
    expect(share((p) => p.flags.systems.length < 4)).toBeGreaterThan(0.03);
  });

  it('dates minors consistently and never employs them', () => {
    for (const p of world.people.filter((q) => q.flags.minor)) {
      expect(ageAtReference(p.dateOfBirth as string)).toBeLessThan(14);
      expect(p.flags.systems).not.toContain('workspace');
    }
    for (const p of world.people.filter((q) => !q.flags.minor && q.dateOfBirth !== undefined)) {
      expect(ageAtReference(p.dateOfBirth as string)).toBeGreaterThanOrEqual(18);
    }
  });

  it('gives Chinese nationals a Chinese name and an English one, and some people only an English name', () => {
    const chinese = world.people.filter((p) => p.names.chinese !== undefined);
    expect(chinese.length / world.people.length).toBeGreaterThan(0.85);
    for (const p of chinese.slice(0, 200)) expect(p.names.full).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    expect(
      world.people.some(
        (p) => p.names.chinese === undefined && /^[A-Z][a-z]+ [A-ZÀ-Ü]/.test(p.names.full),
      ),
    ).toBe(true);
  });

  it('links workspace-only people to no account', () => {
    for (const p of world.people.filter((q) => q.flags.workspaceOnly)) {
      expect(p.identities.user_id).toEqual([]);
      expect(world.groundTruth(p.index).has('accounts.users')).toBe(false);
      expect(world.groundTruth(p.index).get('workspace.employees')?.size).toBe(1);
    }
  });
});

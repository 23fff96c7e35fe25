import { canonicalIdentity } from '../../../src/core/identity/canonical';
import { rowKeyOf } from '../../../src/core/traversal/row-key';
import type { DemoWorld } from '../../../seeds/demo/generate';
import { DEMO_IDENTITY_KINDS, generateDemoWorld } from '../../../seeds/demo/generate';
import { DEMO_TABLES } from '../../../seeds/demo/tables';
import { allRowKeys, union } from './world-checks';

const world: DemoWorld = generateDemoWorld({ subjects: 4000, seed: 11 });

describe('generateDemoWorld: identities', () => {
  it('holds only canonical values, valid for their kind', () => {
    const wrong: string[] = [];
    for (const p of world.people) {
      if (p.identities.phone.length === 0) wrong.push(`#${p.index} has no phone`);
      for (const [kind, values] of Object.entries(p.identities)) {
        const { format } = DEMO_IDENTITY_KINDS[kind as keyof typeof DEMO_IDENTITY_KINDS];
        for (const value of values)
          if (canonicalIdentity(format, value) !== value) wrong.push(`${kind} ${value}`);
      }
      for (const phone of p.identities.phone)
        if (!/^\+861[3-9]\d{9}$/.test(phone)) wrong.push(phone);
      for (const email of p.identities.email)
        if (!/^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/.test(email)) wrong.push(email);
      if (canonicalIdentity('phone_cn', p.typedPhone) !== p.identities.phone[0])
        wrong.push(`typed ${p.typedPhone}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never gives two people the same non-shared identity', () => {
    const owner = new Map<string, number>();
    const clashes: string[] = [];
    for (const p of world.people) {
      for (const kind of ['email', 'phone', 'user_id', 'cookie_id'] as const) {
        for (const value of p.identities[kind]) {
          const other = owner.get(`${kind}:${value}`);
          if (other !== undefined && other !== p.index)
            clashes.push(`${kind} ${value}: #${other} and #${p.index}`);
          owner.set(`${kind}:${value}`, p.index);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('stores phones and e-mails in mixed formats that canonicalise to the person', () => {
    const users = world.rows['accounts.users'] ?? [];
    const formats = new Set(users.map((u) => String(u.phone).replace(/\d/g, '9')));
    expect(formats.size).toBeGreaterThanOrEqual(5);
    expect(
      users.some((u) => typeof u.email === 'string' && u.email !== u.email.toLowerCase()),
    ).toBe(true);
    const byUserId = new Map(users.map((u) => [String(u.id), u]));
    for (const p of world.people.filter((q) => !q.flags.workspaceOnly)) {
      const user = byUserId.get(p.identities.user_id[0] as string);
      expect(p.identities.phone).toContain(canonicalIdentity('phone_cn', user?.phone));
      expect(p.identities.email).toContain(canonicalIdentity('email', user?.email));
    }
  });
});

describe('generateDemoWorld: ground truth', () => {
  const keys = allRowKeys(DEMO_TABLES, world.rows);

  it('is non-empty for everyone and names only rows that exist', () => {
    const wrong: string[] = [];
    for (const p of world.people) {
      const truth = world.groundTruth(p.index);
      if (truth.size === 0) wrong.push(`#${p.index} is nowhere`);
      for (const [address, rowKeys] of truth) {
        for (const key of rowKeys)
          if (!keys.get(address)?.has(key)) wrong.push(`#${p.index} ${address} ${key}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every row at least one person (nothing in the sources is about nobody)', () => {
    const covered = union(world.people.map((p) => world.groundTruth(p.index)));
    for (const [address, all] of keys) expect(covered.get(address)?.size ?? 0).toBe(all.size);
  });

  it('keys rows by their primary key as text, as the traversal does', () => {
    const p = world.people.find((q) => !q.flags.workspaceOnly) as DemoWorld['people'][number];
    expect(world.groundTruth(p.index).get('accounts.users')).toEqual(
      new Set([rowKeyOf(p.identities.user_id)]),
    );
    const link = [...(world.groundTruth(p.index).get('security.user_devices') ?? [])][0];
    if (link !== undefined)
      expect(JSON.parse(link)).toEqual([p.identities.user_id[0], expect.any(String)]);
  });

  it('shows organisations and devices as related rows, never as the person’s own', () => {
    for (const p of world.people.slice(0, 500)) {
      const { subject } = world.groundTruthParts(p.index);
      for (const address of [
        'workspace.organizations',
        'security.devices',
        'security.security_logs',
      ]) {
        expect(subject.has(address)).toBe(false);
      }
    }
  });

  it('finds the whole person through any of their non-shared identities', () => {
    for (const p of world.people.slice(0, 200)) {
      const whole = world.groundTruth(p.index);
      for (const kind of ['email', 'phone', 'user_id', 'cookie_id'] as const) {
        for (const value of p.identities[kind])
          expect(world.groundTruth(p.index, { kind, value })).toEqual(whole);
      }
    }
  });

  it('accepts an identity as typed and refuses one the person does not have', () => {
    const p = world.people[0] as DemoWorld['people'][number];
    expect(world.groundTruth(p.index, { kind: 'phone', value: p.typedPhone })).toEqual(
      world.groundTruth(p.index),
    );
    expect(() => world.groundTruth(p.index, { kind: 'phone', value: '+86 100 0000 0000' })).toThrow(
      /has no phone/,
    );
    expect(() => world.groundTruth(p.index, { kind: 'iban', value: 'x' })).toThrow(
      /unknown identity kind/,
    );
  });
});

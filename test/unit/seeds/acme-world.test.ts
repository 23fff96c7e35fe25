import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalIdentity } from '../../../src/core/identity/canonical';
import type { AcmePerson, AcmeWorld } from '../../fixtures/acme/generate';
import { ACME_IDENTITY_KINDS, generateAcmeWorld } from '../../fixtures/acme/generate';
import { acmeDdl } from '../../fixtures/acme/ddl';
import { ACME_TABLES } from '../../fixtures/acme/tables';
import { allRowKeys, mapTableMismatches, union } from './world-checks';

const world: AcmeWorld = generateAcmeWorld({ subjects: 1500, seed: 3 });
const members = world.people.filter((p) => p.role === 'member');
const staff = world.people.filter((p) => p.role === 'staff');
const person = (index: number): AcmePerson => world.people[index] as AcmePerson;

describe('Acme world: generator', () => {
  it('is deterministic from its seed', () => {
    const again = generateAcmeWorld({ subjects: 200, seed: 9 });
    const same = generateAcmeWorld({ subjects: 200, seed: 9 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(same));
    expect(JSON.stringify(generateAcmeWorld({ subjects: 200, seed: 10 }).rows)).not.toBe(
      JSON.stringify(again.rows),
    );
  });

  it('holds members and staff, each with canonical, unique identities', () => {
    expect(members).toHaveLength(1500);
    expect(staff.length).toBeGreaterThanOrEqual(4);
    const owner = new Map<string, number>();
    const wrong: string[] = [];
    for (const p of world.people) {
      for (const [kind, values] of Object.entries(p.identities)) {
        const { format } = ACME_IDENTITY_KINDS[kind as keyof typeof ACME_IDENTITY_KINDS];
        for (const value of values) {
          if (canonicalIdentity(format, value) !== value)
            wrong.push(`${kind} ${value} is not canonical`);
          const other = owner.get(`${kind}:${value}`);
          if (other !== undefined && other !== p.index)
            wrong.push(`${kind} ${value}: #${other} and #${p.index}`);
          owner.set(`${kind}:${value}`, p.index);
        }
      }
      if (
        p.typed.memberNo !== undefined &&
        canonicalIdentity('digits', p.typed.memberNo) !== p.identities.member_no[0]
      ) {
        wrong.push(`typed member number ${p.typed.memberNo}`);
      }
      if (
        p.typed.phone !== undefined &&
        !p.identities.phone.includes(canonicalIdentity('digits', p.typed.phone) as string)
      ) {
        wrong.push(`typed phone ${p.typed.phone}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('uses composite keys and non-ASCII names', () => {
    const key = [...(world.groundTruth(0).get('registry.mitglieder') ?? [])][0] as string;
    expect(JSON.parse(key)).toEqual([
      expect.stringMatching(/^[A-Z]{2}-/),
      person(0).identities.member_no[0],
    ]);
    const withFindings = members.find((m) =>
      world.groundTruth(m.index).has('clinic.befunde'),
    ) as AcmePerson;
    for (const k of world.groundTruth(withFindings.index).get('clinic.befunde') ?? [])
      expect(JSON.parse(k)).toHaveLength(2);
    expect(world.rows['clinic.überweisungen']?.length).toBeGreaterThan(0);
    expect(Object.keys(world.rows['registry.mitglieder']?.[0] ?? {})).toContain('straße');
  });
});

describe('Acme world: ground truth', () => {
  const keys = allRowKeys(ACME_TABLES, world.rows);

  it('is non-empty for everyone and covers every row', () => {
    for (const p of world.people)
      expect(world.groundTruthParts(p.index).subject.size).toBeGreaterThan(0);
    const covered = union(world.people.map((p) => world.groundTruth(p.index)));
    for (const [address, all] of keys) expect(covered.get(address)).toEqual(all);
  });

  it('has members with findings, referrals and payments (tables reached only through two references)', () => {
    const m = members.find((p) =>
      ['clinic.befunde', 'clinic.überweisungen', 'billing.zahlungen'].every((a) =>
        world.groundTruth(p.index).has(a),
      ),
    );
    expect(m).toBeDefined();
  });

  it('shows a referred member their referrer as a related row, and nothing else of theirs', () => {
    const referred = members.filter((p) => p.flags.referredBy !== undefined);
    expect(referred.length).toBeGreaterThan(100);
    for (const p of referred) {
      const referrer = person(p.flags.referredBy as number);
      const { subject, related } = world.groundTruthParts(p.index);
      const referrerRow = [
        ...(world.groundTruthParts(referrer.index).subject.get('registry.mitglieder') ?? []),
      ];
      expect([...(related.get('registry.mitglieder') ?? [])]).toEqual(referrerRow);
      for (const key of world.groundTruthParts(referrer.index).subject.get('clinic.termine') ??
        []) {
        expect(subject.get('clinic.termine')?.has(key) ?? false).toBe(false);
      }
      // …and the referrer is not shown the people they referred.
      for (const key of subject.get('registry.mitglieder') ?? []) {
        expect(world.groundTruth(referrer.index).get('registry.mitglieder')?.has(key)).toBe(false);
      }
    }
  });

  it('shows staff their manager (org chart, self-referencing) but not their reports', () => {
    for (const s of staff.filter((p) => p.flags.managerIndex !== undefined)) {
      const manager = person(s.flags.managerIndex as number);
      const managerRow = world.groundTruthParts(manager.index).subject.get('hr.personal');
      expect(world.groundTruthParts(s.index).related.get('hr.personal')).toEqual(managerRow);
      const ownRow = [
        ...(world.groundTruthParts(s.index).subject.get('hr.personal') ?? []),
      ][0] as string;
      expect(world.groundTruth(manager.index).get('hr.personal')?.has(ownRow)).toBe(false);
    }
  });

  it('shows members the clinicians of their appointments as related rows', () => {
    const m = members.find((p) =>
      world.groundTruthParts(p.index).related.has('hr.personal'),
    ) as AcmePerson;
    expect(world.groundTruthParts(m.index).subject.has('hr.personal')).toBe(false);
  });
});

describe('Acme world: data map and DDL', () => {
  const yamlText = readFileSync(join(__dirname, '../../fixtures/acme/datamap.yaml'), 'utf8');

  it('describes exactly the tables the seeder creates', () => {
    expect(mapTableMismatches(yamlText, ACME_TABLES)).toEqual([]);
  });

  it('has a non-ASCII collection key and field keys', () => {
    expect(yamlText).toMatch(/^ {6}überweisungen:$/m);
    expect(yamlText).toMatch(/^ {10}straße:/m);
  });

  it('quotes non-ASCII identifiers and indexes digits identities by their canonical expression', () => {
    const ddl = acmeDdl();
    expect(
      ddl.some(
        (s) =>
          s.startsWith('CREATE TABLE "acme_clinic"."Überweisungen"') &&
          s.includes('"begründung" text'),
      ),
    ).toBe(true);
    expect(ddl).toContain(
      `CREATE INDEX ON "acme_registry"."Mitglieder" ((regexp_replace("telefon", '[^0-9]', '', 'g')))`,
    );
    expect(ddl).toContain(
      'ALTER TABLE "acme_hr"."personal" ADD FOREIGN KEY ("manager_id") REFERENCES "acme_hr"."personal" ("id")',
    );
  });
});

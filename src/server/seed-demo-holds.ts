/**
 * The demo's legal holds (SPEC §8: "subjects under legal hold"), placed once in the gateway's
 * store beside the demo consents, so an erasure in the demo shows what the policy's
 * exemptions (§VIII.4) keep and why:
 * - the people the demo generator marks `legalHold`: records requested for a criminal
 *   investigation (§VIII.4 d), every identity of theirs;
 * - security logs kept six months from the day they were written (Cybersecurity Law
 *   art. 21, §VIII.4 a);
 * - records of provision to third parties kept five years (§VIII.4 a).
 */
import type { DataSource } from 'typeorm';
import { DEFAULT_DEMO_SEED, generateDemoWorld } from '../../seeds/demo/generate';
import { subjectKey } from '../core/identity/subject-key';
import type { NewLegalHold } from '../store';
import { placeLegalHold } from '../store';

export const DEMO_HOLD_PLACER = 'demo-seed';

/** Places the demo's holds unless they are there; returns how many it placed. */
export async function seedDemoHolds(
  store: DataSource,
  options: { subjects: number; hashKey: Buffer; sharedKinds: ReadonlySet<string> },
): Promise<number> {
  const [{ count }] = (await store.query(
    `SELECT count(*)::int AS count FROM privgraph.legal_holds WHERE placed_by = $1`,
    [DEMO_HOLD_PLACER],
  )) as [{ count: number }];
  if (count > 0) return 0;
  const world = generateDemoWorld({ subjects: options.subjects, seed: DEFAULT_DEMO_SEED });
  const holds: NewLegalHold[] = [
    {
      reason: 'legal_obligation',
      note: 'Network logs are kept at least six months (Cybersecurity Law art. 21)',
      collection: 'security.security_logs',
      retainDays: 180,
      dateField: 'logged_at',
      placedBy: DEMO_HOLD_PLACER,
    },
    {
      reason: 'legal_obligation',
      note: 'Records of provision to affiliates and authorities are kept five years',
      collection: 'compliance.sharing_records',
      retainDays: 1825,
      dateField: 'shared_at',
      placedBy: DEMO_HOLD_PLACER,
    },
  ];
  for (const person of world.people) {
    if (!person.flags.legalHold) continue;
    const subjectKeys = Object.entries(person.identities).flatMap(([kind, values]) =>
      options.sharedKinds.has(kind)
        ? []
        : values.map((value) => subjectKey(options.hashKey, kind, value)),
    );
    if (subjectKeys.length > 0)
      holds.push({
        reason: 'criminal_investigation',
        note: 'Demo: records requested by a public security bureau for an open investigation',
        subjectKeys,
        placedBy: DEMO_HOLD_PLACER,
      });
  }
  for (const hold of holds) await placeLegalHold(store, hold);
  return holds.length;
}

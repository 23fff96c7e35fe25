/**
 * Who the demo people are, before any row exists: names, birth dates, phones, e-mails, and
 * which systems each appears in (SPEC §8: minors, people under legal hold, people present in
 * only some systems). Each person draws from their own PRNG stream, so person #i is the same
 * person in a world of 200 and in a world of 100,000 (a README example stays true).
 */
import { randomBirthDate } from '../lib/calendar';
import { Random, streamSeed } from '../lib/random';
import { mobileForSlot, personalEmail, typedMobile } from './contact';
import type { Gender, PersonName } from './names';
import { generateName } from './names';

/** Shares of the population; the generator's tests assert the counts land near these. */
export const DEMO_RATES = {
  /** Found only through a 数智空间 employee row (work e-mail/phone): no account. */
  workspaceOnly: 0.05,
  /** Under 14 at the reference date (policy §IX; PIPL art. 28, 31). */
  minor: 0.05,
  /** Adults with an account but no employee row (with minors: ~10% without one). */
  noEmployeeAmongAdults: 0.06,
  /** Account holders without analytics (with workspace-only people: ~10% without). */
  noAnalyticsAmongAccounts: 0.055,
  foreign: 0.08,
  legalHold: 0.02,
  /** People in a pair sharing a device. */
  sharedDevice: 0.03,
  /** Employees whose work phone is their personal mobile. */
  workPhoneIsPersonal: 0.5,
} as const;

export interface PersonPlan {
  readonly index: number;
  readonly rng: Random;
  readonly name: PersonName;
  readonly gender: Gender;
  readonly dateOfBirth?: string;
  readonly minor: boolean;
  readonly legalHold: boolean;
  readonly hasAccount: boolean;
  readonly hasEmployee: boolean;
  readonly hasAnalytics: boolean;
  /** 11 digits, no prefix. */
  readonly mobile: string;
  readonly typedPhone: string;
  /** Canonical (lower-case); absent for workspace-only people. */
  readonly email?: string;
  /** The world seed, which keys the person's unique numbers (work mobile). */
  readonly seed: number;
}

export function planPerson(seed: number, index: number): PersonPlan {
  const rng = new Random(streamSeed(seed, index));
  const workspaceOnly = rng.chance(DEMO_RATES.workspaceOnly);
  const minor = !workspaceOnly && rng.chance(DEMO_RATES.minor / (1 - DEMO_RATES.workspaceOnly));
  const gender: Gender = rng.chance(0.5) ? 'F' : 'M';
  const name = generateName(rng, gender, !minor && rng.chance(DEMO_RATES.foreign));
  const mobile = mobileForSlot(rng, seed, index);
  const base = {
    index,
    seed,
    rng,
    name,
    gender,
    minor,
    legalHold: rng.chance(DEMO_RATES.legalHold),
    mobile,
    typedPhone: typedMobile(mobile),
  };
  if (workspaceOnly) {
    return { ...base, hasAccount: false, hasEmployee: true, hasAnalytics: false };
  }
  return {
    ...base,
    dateOfBirth: minor ? randomBirthDate(rng, 6, 13) : randomBirthDate(rng, 18, 68),
    hasAccount: true,
    hasEmployee: !minor && !rng.chance(DEMO_RATES.noEmployeeAmongAdults),
    hasAnalytics: !rng.chance(DEMO_RATES.noAnalyticsAmongAccounts),
    email: personalEmail(rng, seed, index, name.latinGiven, name.latinFamily),
  };
}

import type { Decision } from '../../../src/core/policy/decision';
import { isMinor } from '../../../src/core/policy/is-minor';
import type { SubjectFacts } from '../../../src/core/policy/refine-for-subject';
import { refineForSubject } from '../../../src/core/policy/refine-for-subject';

const rule = {
  role: 'analytics-app',
  index: 3,
  category: 'user.demographic',
  access: 'allow' as const,
};
const allowByRule: Decision = { effect: 'allow', reason: 'RULE', rule };
const maskByRule: Decision = { effect: 'transform', method: 'mask', reason: 'RULE', rule };
const denyByRule: Decision = { effect: 'deny', reason: 'RULE', rule };
const notPersonal: Decision = { effect: 'allow', reason: 'NOT_PERSONAL' };
const mismatch: Decision = { effect: 'deny', reason: 'PURPOSE_MISMATCH' };

/** An adult, on a purpose that needs no consent. */
const adult: SubjectFacts = {
  purposeRequiresConsent: false,
  hasConsent: false,
  minor: false,
  guardianConsent: false,
  defaultMethod: 'generalize',
};
const noConsent = { ...adult, purposeRequiresConsent: true };
const consented = { ...adult, purposeRequiresConsent: true, hasConsent: true };
const child = { ...adult, minor: true };
const childWithGuardian = { ...child, guardianConsent: true };

describe('refineForSubject (SPEC §4.3)', () => {
  it.each<[string, Decision, SubjectFacts, Decision]>([
    ['an adult, no consent needed: unchanged', allowByRule, adult, allowByRule],
    ['consent needed and given: unchanged', maskByRule, consented, maskByRule],
    [
      'consent needed, none active: denied, citing the rule that would have applied',
      allowByRule,
      noConsent,
      { effect: 'deny', reason: 'NO_CONSENT', rule },
    ],
    [
      'consent needed, none active: a transform is denied too',
      maskByRule,
      noConsent,
      { effect: 'deny', reason: 'NO_CONSENT', rule },
    ],
    [
      'consent needed, none active: uncategorised fields are denied too',
      notPersonal,
      noConsent,
      { effect: 'deny', reason: 'NO_CONSENT' },
    ],
    [
      'a role-level deny stays as it is (its reason is the truer one)',
      mismatch,
      noConsent,
      mismatch,
    ],
    ['a rule’s deny stays for a child', denyByRule, child, denyByRule],
    [
      'a child without guardian consent: allow becomes the default method',
      allowByRule,
      child,
      { effect: 'transform', method: 'generalize', reason: 'MINOR', rule },
    ],
    ['a child without guardian consent: a transform stays', maskByRule, child, maskByRule],
    ['a child: an uncategorised field stays', notPersonal, child, notPersonal],
    ['a child with guardian consent: unchanged', allowByRule, childWithGuardian, allowByRule],
    [
      'a child on a consent purpose without consent: consent decides first',
      allowByRule,
      { ...child, purposeRequiresConsent: true },
      { effect: 'deny', reason: 'NO_CONSENT', rule },
    ],
    [
      'a child’s own consent is not consent (PIPL art. 31: the guardian’s is)',
      allowByRule,
      { ...child, purposeRequiresConsent: true, hasConsent: true },
      { effect: 'deny', reason: 'NO_CONSENT', rule },
    ],
    [
      'a guardian’s consent to the purpose is the child’s consent',
      allowByRule,
      { ...childWithGuardian, purposeRequiresConsent: true },
      allowByRule,
    ],
  ])('%s', (_name, decision, facts, expected) => {
    expect(refineForSubject(decision, facts)).toEqual(expected);
  });
});

describe('isMinor (PIPL art. 28, 31: under 14)', () => {
  const asOf = new Date('2026-06-15T12:00:00Z');
  it.each<[string, string | Date | null, boolean]>([
    ['13 years old', '2013-01-01', true],
    ['the day before the 14th birthday', '2012-06-16', true],
    ['on the 14th birthday', '2012-06-15', false],
    ['14 and a half', '2012-01-01', false],
    ['an adult', '1990-03-07', false],
    ['born in the future (a data error) counts as a child', '2030-01-01', true],
    ['a timestamp is read by its UTC date', new Date('2012-06-15T23:00:00Z'), false],
    ['a timestamp, the day before', new Date('2012-06-16T00:30:00Z'), true],
    ['no date of birth is no evidence of a minor', null, false],
    ['an unreadable date is no evidence either', 'unknown', false],
    ['an impossible month is unreadable', '2020-13-01', false],
  ])('%s', (_name, dateOfBirth, expected) => {
    expect(isMinor(dateOfBirth, asOf)).toBe(expected);
  });

  it('takes another age limit', () => {
    expect(isMinor('2010-01-01', asOf, 18)).toBe(true);
    expect(isMinor('2010-01-01', asOf)).toBe(false);
  });

  it('counts a 29 February birthday from 1 March in other years', () => {
    expect(isMinor('2012-02-29', new Date('2026-02-28T00:00:00Z'))).toBe(true);
    expect(isMinor('2012-02-29', new Date('2026-03-01T00:00:00Z'))).toBe(false);
  });
});

/**
 * The per-subject part of a decision (SPEC §4.3), applied to the role-level one for each
 * person whose data is read; the facts are loaded in batches per request (SPEC §4.6).
 *
 * - Consent (PIPL art. 13(1), 14–15): a purpose that needs consent may not process the data
 *   of a subject with no active consent — none of it, uncategorised columns included, since
 *   the row itself is information about that person → deny `NO_CONSENT`.
 * - Minors (PIPL art. 28, 31: under 14, personal information is sensitive and needs a
 *   guardian's consent): without recorded guardian consent a personal field is at most
 *   de-identified — an `allow` becomes the field's default method (`MINOR`); a transform or
 *   a deny already reveals less and stays. Uncategorised fields are not personal data and
 *   stay as they are. For a purpose that needs consent, a child's consent is the guardian's
 *   (art. 31): a guardian's consent to the purpose counts, the child's own does not.
 */
import type { DeidentifyMethod } from '../deidentify/method';
import type { Decision } from './decision';
import { denyDecision, transformDecision } from './decision';

export interface SubjectFacts {
  readonly purposeRequiresConsent: boolean;
  /** The subject has an active (given, not withdrawn) consent for the purpose. */
  readonly hasConsent: boolean;
  readonly minor: boolean;
  readonly guardianConsent: boolean;
  readonly defaultMethod: DeidentifyMethod;
}

/** Whether the person consented to the purpose: a child's consent is their guardian's. */
export function consentHolds(
  facts: Pick<SubjectFacts, 'hasConsent' | 'minor' | 'guardianConsent'>,
): boolean {
  return facts.minor ? facts.guardianConsent : facts.hasConsent;
}

export function refineForSubject(staticDecision: Decision, facts: SubjectFacts): Decision {
  if (staticDecision.effect === 'deny') return staticDecision;
  if (facts.purposeRequiresConsent && !consentHolds(facts))
    return denyDecision('NO_CONSENT', staticDecision.rule);
  if (
    facts.minor &&
    !facts.guardianConsent &&
    staticDecision.effect === 'allow' &&
    staticDecision.reason !== 'NOT_PERSONAL'
  )
    return transformDecision(facts.defaultMethod, 'MINOR', staticDecision.rule);
  return staticDecision;
}

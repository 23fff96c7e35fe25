/**
 * The purpose-limitation and per-subject facts behind one decision (SPEC §4.2–§4.3), for
 * `explain`: whether the role serves the purpose, whether the collection is processed for it
 * or the purpose is universal, and what consent and the minor rule would change for a given
 * person — the part of a decision the role-level table cannot show.
 */
import type { DeidentifyMethod } from '../deidentify/method';
import type { Decision } from '../policy/decision';
import { MINOR_AGE_LIMIT } from '../policy/is-minor';
import type { Policy } from '../policy/model';
import { accessLabel } from './decision-summary';

export interface PurposeFacts {
  readonly purpose: string;
  /** Declared under the policy's `purposes:`. */
  readonly declared: boolean;
  /** One of the role's purposes (compared exactly). */
  readonly roleServes: boolean;
  /** Reads a collection whatever purposes it lists. */
  readonly universal: boolean;
  readonly requiresConsent: boolean;
  /** For a field: the purposes its collection lists in the map. */
  readonly collectionPurposes?: readonly string[];
  /** For a field: the collection lists the purpose (or the purpose is universal). */
  readonly collectionInScope?: boolean;
  /** What consent changes, in one sentence. */
  readonly consent: string;
  /** What the minor rule changes, in one sentence. */
  readonly minor: string;
}

function consentSentence(purpose: string, requiresConsent: boolean, decision: Decision): string {
  if (!requiresConsent) return `${purpose} does not rest on consent: no per-subject consent check`;
  if (decision.effect === 'deny')
    return `${purpose} needs consent, but the decision is a deny whatever the subject's consent`;
  return `${purpose} needs consent: for a subject with no active consent to it, this is denied (NO_CONSENT)`;
}

function minorSentence(decision: Decision, defaultMethod: DeidentifyMethod): string {
  const under = `a subject under ${MINOR_AGE_LIMIT} without recorded guardian consent`;
  if (decision.reason === 'NOT_PERSONAL') return 'not personal data: the same for minors';
  if (decision.effect === 'allow')
    return `${under} gets ${defaultMethod} instead of allow (MINOR: recorded, never shown to the caller)`;
  return `${under} gets the same: ${accessLabel(decision)} already reveals less than allow`;
}

export function purposeFactsOf(
  policy: Policy,
  role: string,
  purpose: string,
  decision: Decision,
  defaultMethod: DeidentifyMethod,
  collectionPurposes?: readonly string[],
): PurposeFacts {
  const declared = policy.purposes.get(purpose);
  const universal = declared?.universal === true;
  const requiresConsent = declared?.requiresConsent === true;
  return {
    purpose,
    declared: declared !== undefined,
    roleServes: policy.roles.get(role)?.purposes.includes(purpose) ?? false,
    universal,
    requiresConsent,
    ...(collectionPurposes === undefined
      ? {}
      : {
          collectionPurposes,
          collectionInScope: universal || collectionPurposes.includes(purpose),
        }),
    consent: consentSentence(purpose, requiresConsent, decision),
    minor: minorSentence(decision, defaultMethod),
  };
}

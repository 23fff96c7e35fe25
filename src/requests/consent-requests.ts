/**
 * Consent withdrawal and grant (SPEC §6, seed policy §VIII.3, PIPL art. 15): recorded in the
 * gateway's store — the system of record for consent — against every identity of the
 * person, so the very next query for that purpose is decided without it. History is kept:
 * events are appended, never rewritten. No approval is needed: withdrawing consent is the
 * person's right at any time, and it does not affect processing before it (art. 15).
 *
 * A guardian's consent (PIPL art. 31: a child under 14's data is processed only with it) is
 * recorded the same way with `guardian: true`, for one purpose of the policy — any purpose,
 * not only those resting on the person's own consent — or for all of them (`*`). Without it
 * a minor's data is shown de-identified at most (SPEC §4.3, reason MINOR).
 */
import { suggestNames } from '../core/datamap/did-you-mean';
import type { RequestRecord } from '../store';
import { recordConsentEvents, transitionRequest } from '../store';
import type { SeedIdentity } from '../core/traversal/resolve-subjects';
import { auditRequest, listed } from './audit-request';
import { openRequest } from './open-request';
import type { Actor, RequestsRuntime } from './requests-runtime';
import { RequestError } from './requests-runtime';

export interface ConsentInput {
  readonly subject: SeedIdentity;
  readonly purpose: string;
  readonly identityVerification: string;
  /** Given or withdrawn by the guardian of a minor, not by the person. */
  readonly guardian?: boolean;
}

/** A guardian's consent for every purpose at once. */
export const ALL_PURPOSES = '*';

/** Purposes that rest on consent in the policy: the only ones consent can be given to or
 * withdrawn from. */
export function consentPurposes(rt: RequestsRuntime): string[] {
  return [...rt.policy.purposes.values()].filter((p) => p.requiresConsent).map((p) => p.key);
}

function checkPurpose(rt: RequestsRuntime, input: ConsentInput): void {
  const { purpose } = input;
  const all = [...rt.policy.purposes.keys()];
  if (input.guardian && purpose === ALL_PURPOSES) return;
  if (!all.includes(purpose)) {
    const [suggestion] = suggestNames(purpose, all, 1);
    throw new RequestError(
      'BAD_USER_INPUT',
      `unknown purpose "${purpose}"${suggestion ? `; did you mean "${suggestion}"?` : ''} The policy's purposes: ${all.join(', ')}.`,
    );
  }
  if (input.guardian) return;
  const known = consentPurposes(rt);
  if (!known.includes(purpose))
    throw new RequestError(
      'BAD_USER_INPUT',
      `purpose "${purpose}" does not rest on consent in the policy; consent applies to: ${known.join(', ') || '(none)'}. ` +
        'To stop other processing, request erasure or account closure.',
    );
}

export async function withdrawConsent(
  rt: RequestsRuntime,
  actor: Actor,
  input: ConsentInput,
): Promise<RequestRecord> {
  checkPurpose(rt, input);
  return recordConsent(rt, actor, input, 'withdraw', [input.purpose]);
}

export async function grantConsent(
  rt: RequestsRuntime,
  actor: Actor,
  input: ConsentInput,
): Promise<RequestRecord> {
  checkPurpose(rt, input);
  return recordConsent(rt, actor, input, 'grant', [input.purpose]);
}

/** Appends one event per (identity key, purpose); used by account closure for all purposes. */
export async function recordConsentForKeys(
  rt: RequestsRuntime,
  subjectKeys: readonly string[],
  purposes: readonly string[],
  action: 'grant' | 'withdraw',
  recordedBy: string,
  requestId: string,
  guardian = false,
): Promise<void> {
  const recordedAt = rt.now();
  await recordConsentEvents(
    rt.store,
    subjectKeys.flatMap((subjectKey) =>
      purposes.map((purpose) => ({
        subjectKey,
        purpose,
        action,
        guardian,
        recordedBy,
        recordedAt,
        requestId,
      })),
    ),
  );
}

async function recordConsent(
  rt: RequestsRuntime,
  actor: Actor,
  input: ConsentInput,
  action: 'grant' | 'withdraw',
  purposes: readonly string[],
): Promise<RequestRecord> {
  const { request } = await openRequest(rt, actor, {
    kind: action === 'grant' ? 'consent_grant' : 'consent_withdrawal',
    subject: input.subject,
    identityVerification: input.identityVerification,
    status: 'in_progress',
    details: { purpose: input.purpose, ...(input.guardian ? { guardian: true } : {}) },
  });
  const guardian = input.guardian === true;
  await recordConsentForKeys(
    rt,
    request.subjectKeys,
    purposes,
    action,
    actor.subject,
    request.id,
    guardian,
  );
  await auditRequest(rt, request, actor, {
    kind: 'request',
    event: action === 'withdraw' ? 'consents_withdrawn' : 'consents_granted',
    detail: { purposes: listed(purposes), ...(guardian ? { guardian: true } : {}) },
  });
  const at = rt.now().toISOString();
  const what = input.purpose === ALL_PURPOSES ? 'every purpose' : `"${input.purpose}"`;
  const reply = guardian
    ? action === 'withdraw'
      ? `The guardian's consent to ${what} is withdrawn as of ${at}: the child's personal information is no longer shown for it. Processing before the withdrawal is not affected (PIPL art. 15, 31).`
      : `The guardian's consent to ${what} is recorded as of ${at} (PIPL art. 31). The guardian can withdraw it at any time.`
    : action === 'withdraw'
      ? `Your consent to "${input.purpose}" is withdrawn as of ${at}: we no longer process your personal information for this purpose. Processing before the withdrawal is not affected (PIPL art. 15).`
      : `Your consent to "${input.purpose}" is recorded as of ${at}. You can withdraw it at any time.`;
  const done = await transitionRequest(
    rt.store,
    request.id,
    {
      status: 'completed',
      completedAt: rt.now(),
      reply,
      result: { purposes: [...purposes], identities: request.subjectKeys.length },
    },
    ['in_progress'],
  );
  if (done) await auditRequest(rt, done, actor, { kind: 'request', event: 'completed' });
  return done ?? request;
}

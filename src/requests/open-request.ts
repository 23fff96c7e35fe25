/**
 * The first step of every rights request (SPEC §6): check the input, find the person in
 * every system (so the store can name them by all their identities), count the due date —
 * 15 working days on the configured holiday calendar — and record the request with how the
 * requester's identity was verified. What identifies the person is sealed.
 */
import { randomUUID } from 'node:crypto';
import { CalendarRangeError } from '../core/calendar/calendar-range-error';
import { dueDate } from '../core/calendar/due-date';
import { sealJson } from '../core/crypto/seal';
import type { RequestKind, RequestStatus } from '../core/requests/model';
import type { SeedIdentity } from '../core/traversal/resolve-subjects';
import type { SubjectGraph } from '../core/traversal/subject-graph';
import type { RequestRecord } from '../store';
import { appendRequestEvent, insertRequest } from '../store';
import { auditRequest, listed } from './audit-request';
import { canonicalSeed, collectPeople } from './collect-person';
import { personKeys } from './person-keys';
import type { Actor, RequestsRuntime } from './requests-runtime';
import { RequestError } from './requests-runtime';

export interface OpenRequestInput {
  readonly kind: RequestKind;
  readonly subject: SeedIdentity;
  /** How the requester proved they are the person (PIPL art. 50: the handler verifies). */
  readonly identityVerification: string;
  readonly status: RequestStatus;
  /** Non-personal particulars (a purpose, a category) shown with the request. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Personal particulars (a corrected value), sealed with the seed identity. */
  readonly sealed?: Readonly<Record<string, unknown>>;
}

export interface SealedPayload {
  readonly seed: SeedIdentity;
  readonly [key: string]: unknown;
}

export interface OpenedRequest {
  readonly request: RequestRecord;
  readonly person: SubjectGraph;
}

const MAX_VERIFICATION_LENGTH = 1000;

export async function openRequest(
  rt: RequestsRuntime,
  actor: Actor,
  input: OpenRequestInput,
): Promise<OpenedRequest> {
  const verification = input.identityVerification.trim();
  if (verification.length === 0 || verification.length > MAX_VERIFICATION_LENGTH)
    throw new RequestError(
      'BAD_USER_INPUT',
      `identityVerification must say how the requester's identity was checked (1–${MAX_VERIFICATION_LENGTH} characters), e.g. "SMS code to the account phone"`,
    );
  let seed: SeedIdentity;
  try {
    seed = canonicalSeed(rt.map, input.subject);
  } catch (error) {
    throw new RequestError('BAD_USER_INPUT', (error as Error).message);
  }
  const receivedAt = rt.now();
  let due: string;
  try {
    due = dueDate(receivedAt, rt.calendar);
  } catch (error) {
    if (error instanceof CalendarRangeError) throw new RequestError('CONFLICT', error.message);
    throw error;
  }
  const [person] = await collectPeople(rt.traversal, rt.sources, [seed], rt.maxRounds);
  if (!person) throw new Error('the traversal returned no result for one seed');
  const id = randomUUID();
  const request = await insertRequest(rt.store, {
    id,
    kind: input.kind,
    status: input.status,
    subjectKeys: personKeys(rt.keys.hashKey, person.identities, seed),
    payloadEnc: sealJson(rt.keys.sealKey, { seed, ...input.sealed }, `request:${id}`),
    details: input.details ?? {},
    identityVerification: verification,
    requestedBy: actor.subject,
    requestedRole: actor.role,
    receivedAt,
    dueDate: due,
  });
  await appendRequestEvent(rt.store, {
    requestId: id,
    event: 'created',
    actor: actor.subject,
    detail: {
      kind: input.kind,
      role: actor.role,
      dueDate: due,
      calendar: rt.calendar.contentHash,
      unavailable: person.failures.map((f) => f.system),
    },
  });
  await auditRequest(rt, request, actor, {
    kind: 'request',
    event: 'created',
    detail: {
      status: input.status,
      dueDate: due,
      identities: request.subjectKeys.length,
      unavailable: listed(person.failures.map((f) => f.system)),
    },
  });
  return { request, person };
}

/**
 * Placing and releasing legal holds (SPEC §2, §6; seed policy §VIII.4 a–h): checked against
 * the data map so a hold names a collection and a date field that exist, and a person by
 * any identity (the hold then covers every identity the traversal finds for them).
 */
import { EXEMPTION_REASONS } from '../core/requests/model';
import type { ExemptionReason } from '../core/requests/model';
import type { SeedIdentity } from '../core/traversal/resolve-subjects';
import type { LegalHoldRecord } from '../store';
import { listLegalHolds, placeLegalHold, releaseLegalHold } from '../store';
import { canonicalSeed, collectPeople } from './collect-person';
import { personKeys } from './person-keys';
import type { Actor, RequestsRuntime } from './requests-runtime';
import { RequestError } from './requests-runtime';

export interface LegalHoldInput {
  readonly reason: string;
  readonly note?: string;
  readonly subject?: SeedIdentity;
  readonly collection?: string;
  readonly retainDays?: number;
  readonly dateField?: string;
  readonly expiresAt?: Date;
}

export async function placeHold(
  rt: RequestsRuntime,
  actor: Actor,
  input: LegalHoldInput,
): Promise<LegalHoldRecord> {
  const reason = checkReason(input.reason);
  if (!input.subject && !input.collection)
    throw new RequestError('BAD_USER_INPUT', 'a legal hold names a subject, a collection, or both');
  if (input.collection !== undefined) checkCollection(rt, input.collection, input.dateField);
  else if (input.dateField !== undefined)
    throw new RequestError('BAD_USER_INPUT', 'dateField needs a collection to be read from');
  if ((input.retainDays === undefined) !== (input.dateField === undefined))
    throw new RequestError(
      'BAD_USER_INPUT',
      'retainDays and dateField go together: the retention period runs from the row date in dateField',
    );
  if (
    input.retainDays !== undefined &&
    (!Number.isInteger(input.retainDays) || input.retainDays < 1)
  )
    throw new RequestError('BAD_USER_INPUT', 'retainDays must be a whole number of days above 0');
  if (input.expiresAt && input.expiresAt <= rt.now())
    throw new RequestError('BAD_USER_INPUT', 'expiresAt is in the past; a hold must expire later');
  const subjectKeys = input.subject ? await keysOf(rt, input.subject) : undefined;
  return placeLegalHold(rt.store, {
    reason,
    placedBy: actor.subject,
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(subjectKeys ? { subjectKeys } : {}),
    ...(input.collection === undefined ? {} : { collection: input.collection }),
    ...(input.retainDays === undefined ? {} : { retainDays: input.retainDays }),
    ...(input.dateField === undefined ? {} : { dateField: input.dateField }),
    ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
  });
}

export async function releaseHold(
  rt: RequestsRuntime,
  actor: Actor,
  id: string,
  note?: string,
): Promise<LegalHoldRecord> {
  const released = await releaseLegalHold(rt.store, id, actor.subject, note);
  if (!released) throw new RequestError('NOT_FOUND', `no legal hold ${id} in force`);
  return released;
}

export async function holdsOf(
  rt: RequestsRuntime,
  subject: SeedIdentity,
): Promise<LegalHoldRecord[]> {
  return listLegalHolds(rt.store, await keysOf(rt, subject));
}

/** Every identity of the person, found by traversal; the seed alone if they are unknown. */
export async function keysOf(rt: RequestsRuntime, subject: SeedIdentity): Promise<string[]> {
  let seed: SeedIdentity;
  try {
    seed = canonicalSeed(rt.map, subject);
  } catch (error) {
    throw new RequestError('BAD_USER_INPUT', (error as Error).message);
  }
  const [person] = await collectPeople(rt.traversal, rt.sources, [seed], rt.maxRounds);
  return personKeys(rt.keys.hashKey, person?.identities ?? [], seed);
}

function checkReason(reason: string): ExemptionReason {
  const known = EXEMPTION_REASONS as readonly string[];
  if (!known.includes(reason))
    throw new RequestError(
      'BAD_USER_INPUT',
      `unknown exemption reason "${reason}"; the policy (§VIII.4) allows: ${known.join(', ')}`,
    );
  return reason as ExemptionReason;
}

function checkCollection(rt: RequestsRuntime, address: string, dateField?: string): void {
  const node = rt.traversal.nodes.get(address);
  if (!node)
    throw new RequestError(
      'BAD_USER_INPUT',
      `no queryable collection "${address}" in the data map; use system.collection, one of: ${[...rt.traversal.nodes.keys()].join(', ')}`,
    );
  if (dateField !== undefined && !node.def.fields.some((field) => field.key === dateField))
    throw new RequestError(
      'BAD_USER_INPUT',
      `collection ${address} has no field "${dateField}"; its fields: ${node.def.fields.map((f) => f.key).join(', ')}`,
    );
}

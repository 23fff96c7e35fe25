import 'reflect-metadata';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { keysOf, placeHold, releaseHold } from '../../requests';
import { listLegalHolds } from '../../store';
import type { ControlPlaneContext } from '../control-context';
import { READ_REQUESTS, authorizeRequestCall } from './authorize-request-call';
import { CatalogLegalHoldInput } from './legal-hold.input';
import { CatalogLegalHold } from './legal-hold.type';
import { IdAndNoteArgs } from './request-decision.args';
import { projectHold } from './project-request-records';
import { callRequestService, checkUuid } from './request-error-to-graphql';
import { CatalogSubjectInput } from './subject.input';

/**
 * Legal holds (SPEC §2, §6; seed policy §VIII.4): placed by whoever records requests (a
 * hold only keeps data), released only by a role that approves erasures (a release lets an
 * erasure remove what was kept).
 */
@Resolver()
export class LegalHoldResolver {
  @Mutation(() => CatalogLegalHold, {
    description: 'Keeps data despite erasures, citing an exemption. Needs request.create.',
  })
  async placeLegalHold(
    @Arg('hold', () => CatalogLegalHoldInput) hold: CatalogLegalHoldInput,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogLegalHold> {
    const { rt, actor } = authorizeRequestCall(context, ['request.create']);
    const placed = await callRequestService(() =>
      placeHold(rt, actor, {
        reason: hold.reason,
        ...(hold.note == null ? {} : { note: hold.note }),
        ...(hold.subject == null
          ? {}
          : { subject: { kind: hold.subject.kind, value: hold.subject.value } }),
        ...(hold.collection == null ? {} : { collection: hold.collection }),
        ...(hold.retainDays == null ? {} : { retainDays: hold.retainDays }),
        ...(hold.dateField == null ? {} : { dateField: hold.dateField }),
        ...(hold.expiresAt == null ? {} : { expiresAt: hold.expiresAt }),
      }),
    );
    return projectHold(placed, rt.now());
  }

  @Mutation(() => CatalogLegalHold, {
    description: 'Releases a hold in force (it stays listed). Needs request.approve.',
  })
  async releaseLegalHold(
    @Args(() => IdAndNoteArgs) { id, note }: IdAndNoteArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogLegalHold> {
    const { rt, actor } = authorizeRequestCall(context, ['request.approve']);
    const holdId = checkUuid(id, 'legal hold');
    const released = await callRequestService(() =>
      releaseHold(rt, actor, holdId, note ?? undefined),
    );
    return projectHold(released, rt.now());
  }

  @Query(() => [CatalogLegalHold], {
    description:
      'Holds that can protect this person’s data — theirs and collection-wide ones — released ones included; every hold without a subject. Needs request.create or request.approve.',
  })
  async legalHolds(
    @Ctx() context: ControlPlaneContext,
    @Arg('subject', () => CatalogSubjectInput, { nullable: true })
    subject?: CatalogSubjectInput | null,
  ): Promise<CatalogLegalHold[]> {
    const { rt } = authorizeRequestCall(context, READ_REQUESTS);
    const keys = subject
      ? new Set(
          await callRequestService(() => keysOf(rt, { kind: subject.kind, value: subject.value })),
        )
      : undefined;
    const now = rt.now();
    // Holds are few (a DPO places them by hand): one read, filtered here, keeps the
    // collection-wide holds that also protect this person in the answer.
    return (await listLegalHolds(rt.store))
      .filter((hold) => !keys || !hold.subjectKeys || hold.subjectKeys.some((k) => keys.has(k)))
      .map((hold) => projectHold(hold, now));
  }
}

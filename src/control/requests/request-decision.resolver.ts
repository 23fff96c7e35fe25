import 'reflect-metadata';
import { Arg, Args, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { approveRequest, rejectRequest, retryRequest } from '../../requests';
import type { ControlPlaneContext } from '../control-context';
import { authorizeRequestCall } from './authorize-request-call';
import { IdAndNoteArgs, RejectArgs } from './request-decision.args';
import { projectRequest, todayOf } from './project-request-records';
import { callRequestService, checkUuid } from './request-error-to-graphql';
import { CatalogRightsRequest } from './rights-request.type';

/**
 * Deciding and resuming requests (SPEC §6: "erasure and closure need an approval by a role
 * that `may: request.approve`"). A retry only resumes failed per-source work, so it is open
 * to whoever records requests.
 */
@Resolver()
export class RequestDecisionResolver {
  @Mutation(() => CatalogRightsRequest, {
    description:
      'Approves an erasure or closure awaiting approval; execution is queued. Needs request.approve.',
  })
  async approveRequest(
    @Args(() => IdAndNoteArgs) { id, note }: IdAndNoteArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    const { rt, actor } = authorizeRequestCall(context, ['request.approve']);
    const requestId = checkUuid(id, 'request');
    const record = await callRequestService(() =>
      approveRequest(rt, actor, requestId, note ?? undefined),
    );
    return projectRequest(record, todayOf(rt));
  }

  @Mutation(() => CatalogRightsRequest, {
    description:
      'Refuses a request awaiting approval; the reason is part of the reply. Needs request.approve.',
  })
  async rejectRequest(
    @Args(() => RejectArgs) { id, reason }: RejectArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    const { rt, actor } = authorizeRequestCall(context, ['request.approve']);
    const requestId = checkUuid(id, 'request');
    const record = await callRequestService(() => rejectRequest(rt, actor, requestId, reason));
    return projectRequest(record, todayOf(rt));
  }

  @Mutation(() => CatalogRightsRequest, {
    description: 'Resumes a PARTIAL request: its failed tasks run again. Needs request.create.',
  })
  async retryRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    const { rt, actor } = authorizeRequestCall(context, ['request.create']);
    const requestId = checkUuid(id, 'request');
    const record = await callRequestService(() => retryRequest(rt, actor, requestId));
    return projectRequest(record, todayOf(rt));
  }
}

import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../../errors/error-codes';
import { keysOf } from '../../requests';
import { getRequest, listRequests } from '../../store';
import type { ControlPlaneContext } from '../control-context';
import { READ_REQUESTS, authorizeRequestCall } from './authorize-request-call';
import { projectEvent, projectRequest, projectTask, todayOf } from './project-request-records';
import { callRequestService, checkUuid } from './request-error-to-graphql';
import { CatalogRequestEvent } from './request-event.type';
import { requestLoadersOf } from './request-loaders';
import { CatalogRequestTask } from './request-task.type';
import { CatalogRightsRequest } from './rights-request.type';
import { RequestListArgs } from './request-list.args';

const MAX_LIMIT = 500;

/**
 * Reading rights requests (SPEC §6 "request status and per-source tasks are queryable";
 * "overdue requests are listed first"). Open to roles that record or approve requests.
 */
@Resolver(() => CatalogRightsRequest)
export class RightsRequestResolver {
  @Query(() => [CatalogRightsRequest], {
    description:
      'Rights requests, overdue first (most overdue first), then by due date. Needs request.create or request.approve.',
  })
  async rightsRequests(
    @Args(() => RequestListArgs) { status, kind, subject, limit, offset }: RequestListArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest[]> {
    const { rt } = authorizeRequestCall(context, READ_REQUESTS);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw new BadUserInputError(`limit must be between 1 and ${MAX_LIMIT}`);
    if (!Number.isInteger(offset) || offset < 0)
      throw new BadUserInputError('offset must be 0 or more');
    const subjectKeys = subject
      ? await callRequestService(() => keysOf(rt, { kind: subject.kind, value: subject.value }))
      : undefined;
    const today = todayOf(rt);
    const records = await listRequests(rt.store, {
      today,
      limit,
      offset,
      ...(status ? { statuses: status } : {}),
      ...(kind ? { kinds: kind } : {}),
      ...(subjectKeys ? { subjectKeys } : {}),
    });
    return records.map((record) => projectRequest(record, today));
  }

  @Query(() => CatalogRightsRequest, {
    nullable: true,
    description:
      'One rights request; null when there is none with this id. Needs request.create or request.approve.',
  })
  async rightsRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest | null> {
    const { rt } = authorizeRequestCall(context, READ_REQUESTS);
    const record = await getRequest(rt.store, checkUuid(id, 'request'));
    return record ? projectRequest(record, todayOf(rt)) : null;
  }

  @FieldResolver(() => [CatalogRequestTask], {
    description: 'Its work per source, oldest first.',
  })
  async tasks(
    @Root('id') id: string,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRequestTask[]> {
    const { rt } = authorizeRequestCall(context, READ_REQUESTS);
    const tasks = await requestLoadersOf(context, rt).tasks.load(id);
    return tasks.map(projectTask);
  }

  @FieldResolver(() => [CatalogRequestEvent], { description: 'Its history, oldest first.' })
  async events(
    @Root('id') id: string,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRequestEvent[]> {
    const { rt } = authorizeRequestCall(context, READ_REQUESTS);
    const events = await requestLoadersOf(context, rt).events.load(id);
    return events.map(projectEvent);
  }
}

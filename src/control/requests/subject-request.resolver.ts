import 'reflect-metadata';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestsRuntime, SubjectRequestInput } from '../../requests';
import { closeAccount, requestAccess, requestCorrection, requestErasure } from '../../requests';
import type { RequestRecord } from '../../store';
import type { ControlPlaneContext } from '../control-context';
import { authorizeRequestCall } from './authorize-request-call';
import { projectRequest, todayOf } from './project-request-records';
import { callRequestService } from './request-error-to-graphql';
import { CatalogRightsRequest } from './rights-request.type';
import { CorrectionArgs, SubjectRequestArgs } from './subject-request.args';

/** Opens a request of one kind for one person, as the caller; the service checks the input. */
async function open(
  context: ControlPlaneContext,
  { subject, identityVerification }: SubjectRequestArgs,
  run: (
    rt: RequestsRuntime,
    actor: { subject: string; role: string },
    input: SubjectRequestInput,
  ) => Promise<RequestRecord>,
): Promise<CatalogRightsRequest> {
  const { rt, actor } = authorizeRequestCall(context, ['request.create']);
  const input = { subject: { kind: subject.kind, value: subject.value }, identityVerification };
  const record = await callRequestService(() => run(rt, actor, input));
  return projectRequest(record, todayOf(rt));
}

/**
 * Opening requests about a person (SPEC §6): access, erasure, correction, account closure.
 * Roles that `may: request.create`. An erasure or a closure stops at its plan until a role
 * that `may: request.approve` approves it (`request-decision.resolver.ts`).
 */
@Resolver()
export class SubjectRequestResolver {
  @Mutation(() => CatalogRightsRequest, {
    description:
      'An export of everything about the person in every system (PIPL art. 45); downloadable when completed. Needs request.create.',
  })
  requestAccess(
    @Args(() => SubjectRequestArgs) args: SubjectRequestArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    return open(context, args, requestAccess);
  }

  @Mutation(() => CatalogRightsRequest, {
    description:
      'An erasure (PIPL art. 47): its plan is made first (planSummary) and waits for approval. Needs request.create.',
  })
  requestErasure(
    @Args(() => SubjectRequestArgs) args: SubjectRequestArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    return open(context, args, requestErasure);
  }

  @Mutation(() => CatalogRightsRequest, {
    description:
      'Every consent withdrawn and an erasure, as one request; the erasure waits for approval. Needs request.create.',
  })
  closeAccount(
    @Args(() => SubjectRequestArgs) args: SubjectRequestArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    return open(context, args, closeAccount);
  }

  @Mutation(() => CatalogRightsRequest, {
    description:
      "One category's value corrected in every place that holds it (PIPL art. 46). Needs request.create.",
  })
  requestCorrection(
    @Args(() => CorrectionArgs) args: CorrectionArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    return open(context, args, (rt, actor, input) =>
      requestCorrection(rt, actor, { ...input, category: args.category, value: args.value }),
    );
  }
}

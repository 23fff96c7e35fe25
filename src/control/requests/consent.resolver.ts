import 'reflect-metadata';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { consentPurposes, grantConsent, keysOf, withdrawConsent } from '../../requests';
import { listConsentEvents, loadConsentStates } from '../../store';
import type { ControlPlaneContext } from '../control-context';
import { READ_REQUESTS, authorizeRequestCall } from './authorize-request-call';
import { projectConsentEvent, projectRequest, todayOf } from './project-request-records';
import { callRequestService } from './request-error-to-graphql';
import { CatalogRightsRequest } from './rights-request.type';
import { CatalogSubjectConsents } from './subject-consents.type';
import { ConsentArgs } from './subject-request.args';
import { CatalogSubjectInput } from './subject.input';

type ConsentCall = typeof withdrawConsent;

async function recordConsent(
  context: ControlPlaneContext,
  call: ConsentCall,
  { subject, purpose, identityVerification, guardian }: ConsentArgs,
): Promise<CatalogRightsRequest> {
  const { rt, actor } = authorizeRequestCall(context, ['request.create']);
  const record = await callRequestService(() =>
    call(rt, actor, {
      subject: { kind: subject.kind, value: subject.value },
      purpose,
      identityVerification,
      ...(guardian ? { guardian: true } : {}),
    }),
  );
  return projectRequest(record, todayOf(rt));
}

/**
 * Consent (SPEC §6, PIPL art. 15): withdrawn or given against every identity of the person
 * in the gateway's store, so the very next query for the purpose is decided on it; the
 * history is kept. No approval: withdrawing is the person's right at any time.
 */
@Resolver()
export class ConsentResolver {
  @Mutation(() => CatalogRightsRequest, {
    description:
      'Withdraws consent to a purpose that rests on it: the next query for that purpose is denied for the person. Needs request.create.',
  })
  withdrawConsent(
    @Args(() => ConsentArgs) args: ConsentArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    return recordConsent(context, withdrawConsent, args);
  }

  @Mutation(() => CatalogRightsRequest, {
    description: 'Records consent to a purpose that rests on it. Needs request.create.',
  })
  grantConsent(
    @Args(() => ConsentArgs) args: ConsentArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogRightsRequest> {
    return recordConsent(context, grantConsent, args);
  }

  @Query(() => CatalogSubjectConsents, {
    description: "A person's consent now and its history. Needs request.create or request.approve.",
  })
  async subjectConsents(
    @Arg('subject', () => CatalogSubjectInput) subject: CatalogSubjectInput,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogSubjectConsents> {
    const { rt } = authorizeRequestCall(context, READ_REQUESTS);
    const keys = await callRequestService(() =>
      keysOf(rt, { kind: subject.kind, value: subject.value }),
    );
    const [[state], history] = await Promise.all([
      loadConsentStates(rt.store, [keys]),
      listConsentEvents(rt.store, keys),
    ]);
    return {
      purposes: consentPurposes(rt).map((purpose) => ({
        purpose,
        granted: state?.granted.has(purpose) ?? false,
      })),
      guardian: [...(state?.guardian ?? [])].sort(),
      history: history.map(projectConsentEvent),
    };
  }
}

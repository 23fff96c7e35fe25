import 'reflect-metadata';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { verifyAuditLog } from '../../audit';
import { BadUserInputError } from '../../errors/error-codes';
import { keysOf } from '../../requests';
import { queryAuditEvents } from '../../store';
import type { ControlPlaneContext } from '../control-context';
import { callRequestService } from '../requests/request-error-to-graphql';
import type { CatalogSubjectInput } from '../requests/subject.input';
import { AuditEventsArgs } from './audit-events.args';
import { CatalogAuditEventPage } from './audit-event-page.type';
import { CatalogAuditVerification } from './audit-verification.type';
import { authorizeAuditCall } from './authorize-audit-call';
import { projectAuditEvent, projectVerification } from './project-audit-event';

const MAX_PAGE = 500;

/**
 * The audit trail for whoever `may: audit.read` (SPEC §7, issue #6 items 2–3): its events by
 * data subject, actor, purpose, kind and time, newest first; and its verification.
 */
@Resolver()
export class AuditResolver {
  @Query(() => CatalogAuditEventPage, {
    description:
      'Audit events, newest first, matching every filter given. A subject is matched by every identity the traversal finds for them now, so "who accessed my data" works from any of them. Needs audit.read.',
  })
  async auditEvents(
    @Args(() => AuditEventsArgs)
    { subject, actor, purpose, kinds, from, to, first, before }: AuditEventsArgs,
    @Ctx() context: ControlPlaneContext,
  ): Promise<CatalogAuditEventPage> {
    const audit = authorizeAuditCall(context);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE}`);
    if (before != null && before < 1)
      throw new BadUserInputError('before is a position of the chain (1 or more)');
    if (from && to && from >= to) throw new BadUserInputError('from must be before to');
    const subjectKeys = subject ? await keysOfSubject(context, subject) : undefined;
    const found = await queryAuditEvents(audit.store, {
      limit: first + 1,
      ...(subjectKeys ? { subjectKeys } : {}),
      ...(actor != null ? { actor } : {}),
      ...(purpose != null ? { purpose } : {}),
      ...(kinds ? { kinds } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(before != null ? { beforePosition: before } : {}),
    });
    const page = found.slice(0, first);
    return {
      events: page.map(projectAuditEvent),
      nextBefore: found.length > first ? (page[page.length - 1]?.position ?? null) : null,
    };
  }

  @Query(() => CatalogAuditVerification, {
    description:
      'Verifies the whole audit chain from its first event, and the signed checkpoints outside the database against it: the first edited, missing, inserted, reordered or cut event is reported. Needs audit.read.',
  })
  async verifyAuditLog(@Ctx() context: ControlPlaneContext): Promise<CatalogAuditVerification> {
    const audit = authorizeAuditCall(context);
    return projectVerification(
      await verifyAuditLog(audit.store, audit.chainKey, audit.checkpoints),
    );
  }
}

/** The person's keyed identity hashes, as the rights-request service finds them (a
 * traversal from the given identity: every identity it reaches). */
async function keysOfSubject(
  context: ControlPlaneContext,
  subject: CatalogSubjectInput,
): Promise<string[]> {
  const rt = context.control.requests;
  // A deployment fault, not the caller's: masked as an internal error and logged.
  if (!rt) throw new Error('this gateway was started without the rights-request service');
  return callRequestService(() => keysOf(rt, { kind: subject.kind, value: subject.value }));
}

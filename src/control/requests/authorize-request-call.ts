/**
 * Who may call which rights-request operation (SPEC §6: "only roles whose policy `may:` the
 * capability can call each"). Checked before anything runs — input, traversal, store — so a
 * refused caller learns nothing but the refusal. Deny by default: no principal, no policy,
 * or a role the policy does not know, and nothing is allowed.
 */
import type { Capability } from '../../core/policy/model';
import { roleMay } from '../../core/policy/model';
import { AuthenticationRequiredError, CapabilityRequiredError } from '../../errors/error-codes';
import type { Actor, RequestsRuntime } from '../../requests';
import type { ControlPlaneContext } from '../control-context';

export interface AuthorizedCall {
  readonly rt: RequestsRuntime;
  readonly actor: Actor;
}

/** One capability, or several alternatives any one of which suffices. */
type Capabilities = readonly [Capability, ...Capability[]];

/** Reading requests, consents and holds: whoever records or approves requests. */
export const READ_REQUESTS: Capabilities = ['request.create', 'request.approve'];

export function authorizeRequestCall(
  context: ControlPlaneContext,
  anyOf: Capabilities,
): AuthorizedCall {
  const principal = context.principal;
  if (!principal) throw new AuthenticationRequiredError();
  const policy = context.control.policy;
  if (!policy || !anyOf.some((capability) => roleMay(policy, principal.role, capability)))
    throw new CapabilityRequiredError(...anyOf);
  const rt = context.control.requests;
  // A deployment fault, not the caller's: masked as an internal error and logged.
  if (!rt) throw new Error('this gateway was started without the rights-request service');
  return { rt, actor: { subject: principal.subject, role: principal.role } };
}

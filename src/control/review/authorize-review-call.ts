/**
 * Who may review the policy (issue #6 item 4: "GraphQL for roles that `may: policy.read`").
 * The review shows every role's access to every field, which tells an attacker exactly which
 * token to steal, so it is a capability like any other: no principal → UNAUTHENTICATED, a
 * role without `policy.read` → FORBIDDEN, before anything is computed.
 */
import type { DataMap } from '../../core/datamap/model';
import type { Policy } from '../../core/policy/model';
import { roleMay } from '../../core/policy/model';
import type { FieldCoordinates } from '../../core/review';
import { AuthenticationRequiredError, CapabilityRequiredError } from '../../errors/error-codes';
import type { ControlPlaneContext } from '../control-context';
import { fieldCoordinatesForMap, fieldCoordinatesOf } from './graph-coordinates';

export interface ReviewSubject {
  readonly policy: Policy;
  readonly map: DataMap;
  readonly coordinates: FieldCoordinates;
}

export function authorizeReviewCall(context: ControlPlaneContext): ReviewSubject {
  const principal = context.principal;
  if (!principal) throw new AuthenticationRequiredError();
  const policy = context.control.policy;
  if (!policy || !roleMay(policy, principal.role, 'policy.read'))
    throw new CapabilityRequiredError('policy.read');
  const map = context.control.dataMap;
  const graph = context.control.subjectGraph;
  return {
    policy,
    map,
    coordinates: graph ? fieldCoordinatesOf(graph) : fieldCoordinatesForMap(map),
  };
}

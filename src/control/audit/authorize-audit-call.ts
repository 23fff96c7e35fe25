/**
 * Who may read the audit trail (issue #6: "for roles that `may: audit.read`"). The trail says
 * who looked at whom: it is checked before anything runs — no principal → UNAUTHENTICATED, a
 * role without `audit.read` → FORBIDDEN. A gateway that keeps no trail (PRIVGRAPH_AUDIT=off)
 * refuses with CONFLICT, saying so.
 */
import { roleMay } from '../../core/policy/model';
import {
  AuthenticationRequiredError,
  CapabilityRequiredError,
  ConflictError,
} from '../../errors/error-codes';
import type { ControlAudit, ControlPlaneContext } from '../control-context';

export function authorizeAuditCall(context: ControlPlaneContext): ControlAudit {
  const principal = context.principal;
  if (!principal) throw new AuthenticationRequiredError();
  const policy = context.control.policy;
  if (!policy || !roleMay(policy, principal.role, 'audit.read'))
    throw new CapabilityRequiredError('audit.read');
  const audit = context.control.audit;
  if (!audit)
    throw new ConflictError(
      'this gateway keeps no audit trail (started with PRIVGRAPH_AUDIT=off); there is nothing to read',
    );
  return audit;
}

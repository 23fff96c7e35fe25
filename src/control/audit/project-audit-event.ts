/**
 * Stored audit events and verifications → the control plane's types: optional fields become
 * nulls, kinds and problems their enum values. Pure.
 */
import type { StoredAuditEvent } from '../../store';
import type { AuditVerification } from '../../audit';
import { CATALOG_AUDIT_KIND } from './audit-kind.enum';
import type { CatalogAuditEvent } from './audit-event.type';
import type { CatalogAuditVerification } from './audit-verification.type';
import { CATALOG_AUDIT_PROBLEM } from './audit-verification.type';

export function projectAuditEvent({ position, content }: StoredAuditEvent): CatalogAuditEvent {
  return {
    position,
    kind: CATALOG_AUDIT_KIND[content.kind],
    at: new Date(content.at),
    actor: content.actor,
    role: content.role ?? null,
    purpose: content.purpose ?? null,
    subjectKeys: [...content.subjectKeys],
    coordinates: content.coordinates.map((c) => ({
      coordinate: c.coordinate,
      effect: c.effect,
      method: c.method ?? null,
      reason: c.reason,
    })),
    requestId: content.requestId ?? null,
    policyVersion: content.policyVersion ?? null,
    dataMapVersion: content.dataMapVersion ?? null,
    detail: content.detail,
  };
}

export function projectVerification(verification: AuditVerification): CatalogAuditVerification {
  const { broken } = verification;
  return {
    ok: verification.ok,
    events: verification.events,
    head: { ...verification.head },
    checkpoints: {
      checked: verification.checkpoints.checked,
      rejected: verification.checkpoints.rejected,
      latest: verification.checkpoints.latest ?? null,
    },
    broken: broken
      ? {
          position: broken.position,
          problem: CATALOG_AUDIT_PROBLEM[broken.problem],
          detail: broken.detail,
        }
      : null,
  };
}

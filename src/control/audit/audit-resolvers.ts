/** Every resolver of the audit control plane, for `buildControlSchema`. */
import { AuditResolver } from './audit.resolver';

export const AUDIT_RESOLVERS = [AuditResolver] as const;

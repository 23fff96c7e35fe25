import type { SeedIdentity } from '../core/traversal/resolve-subjects';

/** A request about one person: named by any identity, with how the requester proved it. */
export interface SubjectRequestInput {
  readonly subject: SeedIdentity;
  readonly identityVerification: string;
}

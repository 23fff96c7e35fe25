/** The parts of the GraphQL context the access layer reads and writes. */
import type { Principal, RequestAccess } from './request-access';

export interface AccessContext {
  /** Set by the HTTP front from a verified token; absent means unauthenticated. */
  readonly principal?: Principal;
  /** Set by the privacy plugin once the operation's purpose is checked. */
  access?: RequestAccess;
}

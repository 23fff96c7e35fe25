/** Every resolver of the rights-request control plane, for `buildControlSchema`. The
 * imports are in schema order: type-graphql lists root fields as their classes load. */
import { RightsRequestResolver } from './rights-request.resolver';
import { SubjectRequestResolver } from './subject-request.resolver';
import { ConsentResolver } from './consent.resolver';
import { RequestDecisionResolver } from './request-decision.resolver';
import { LegalHoldResolver } from './legal-hold.resolver';

export const REQUEST_RESOLVERS = [
  RightsRequestResolver,
  SubjectRequestResolver,
  ConsentResolver,
  RequestDecisionResolver,
  LegalHoldResolver,
] as const;

/** Every resolver of the permission review, for `buildControlSchema`. */
import { PolicyReviewResolver } from './policy-review.resolver';

export const REVIEW_RESOLVERS = [PolicyReviewResolver] as const;

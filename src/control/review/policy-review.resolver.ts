import 'reflect-metadata';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { diffPolicies, explainAccess, lintPolicy, permissionMatrix } from '../../core/review';
import { BadUserInputError } from '../../errors/error-codes';
import type { ControlPlaneContext } from '../control-context';
import { CatalogAccessExplanation } from './access-explanation.type';
import { authorizeReviewCall } from './authorize-review-call';
import { CatalogPolicyDiff, CatalogPolicyLint } from './lint-and-diff.type';
import { parseProposedPolicy } from './parse-proposed-policy';
import { CatalogPermissionMatrix } from './permission-matrix.type';
import { projectDiff, projectExplanation, projectLint, projectMatrix } from './project-review';

/**
 * Permission review (SPEC §7, issue #6 item 4) over the policy and map this gateway serves:
 * explain, matrix, lint and diff, for roles that `may: policy.read`. Pure computations of
 * src/core/review; nothing here reads a source or the store. Guide: docs/review.md.
 */
@Resolver()
export class PolicyReviewResolver {
  @Query(() => CatalogAccessExplanation, {
    description:
      'Why a role gets what it gets of a field (coordinate: AccountsUsers.email or accounts.users.email) or a category, for a purpose. Give exactly one of coordinate and category. Needs policy.read.',
  })
  explainAccess(
    @Arg('role', () => String) role: string,
    @Arg('purpose', () => String) purpose: string,
    @Ctx() context: ControlPlaneContext,
    @Arg('coordinate', () => String, { nullable: true }) coordinate?: string | null,
    @Arg('category', () => String, { nullable: true }) category?: string | null,
  ): CatalogAccessExplanation {
    const { policy, map, coordinates } = authorizeReviewCall(context);
    const result = explainAccess(
      policy,
      map,
      {
        role,
        purpose,
        ...(coordinate == null ? {} : { coordinate }),
        ...(category == null ? {} : { category }),
      },
      coordinates,
    );
    if (!result.ok) throw new BadUserInputError(`${result.message} (${result.hint})`);
    return projectExplanation(result.explanation);
  }

  @Query(() => CatalogPermissionMatrix, {
    description: 'Every role × category and field × (role, purpose) decision. Needs policy.read.',
  })
  permissionMatrix(@Ctx() context: ControlPlaneContext): CatalogPermissionMatrix {
    const { policy, map, coordinates } = authorizeReviewCall(context);
    return projectMatrix(permissionMatrix(policy, map, coordinates));
  }

  @Query(() => CatalogPolicyLint, {
    description:
      'Risky or incoherent rules of the served policy (names only: values are sampled by the CLI). Needs policy.read.',
  })
  policyLint(@Ctx() context: ControlPlaneContext): CatalogPolicyLint {
    const { policy, map } = authorizeReviewCall(context);
    return projectLint(lintPolicy(policy, map));
  }

  @Query(() => CatalogPolicyDiff, {
    description:
      'Every (role, purpose, field) decision the proposed policy (YAML text, validated like the file) would change against the served one. Needs policy.read.',
  })
  policyDiff(
    @Arg('proposedPolicy', () => String) proposedPolicy: string,
    @Ctx() context: ControlPlaneContext,
  ): CatalogPolicyDiff {
    const { policy, map, coordinates } = authorizeReviewCall(context);
    const proposed = parseProposedPolicy(proposedPolicy, map);
    return projectDiff(diffPolicies(policy, proposed, map, coordinates));
  }
}

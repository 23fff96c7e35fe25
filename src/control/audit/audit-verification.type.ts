import 'reflect-metadata';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BrokenLink } from '../../core/audit/audit-chain';
import { CatalogAuditPosition } from './audit-position.scalar';

/** How the chain is broken at its first broken link (src/core/audit/audit-chain.ts). */
export enum CatalogAuditProblem {
  EDITED = 'edited',
  MISSING = 'missing',
  INSERTED_OR_REORDERED = 'inserted-or-reordered',
  TRUNCATED = 'truncated',
  UNREADABLE = 'unreadable',
}

registerEnumType(CatalogAuditProblem, {
  name: 'CatalogAuditProblem',
  description: 'What is wrong at the first broken link of the audit chain.',
  valuesConfig: {
    EDITED: { description: 'The event’s content or link does not match its MAC.' },
    MISSING: { description: 'A position is missing: an event was deleted.' },
    INSERTED_OR_REORDERED: { description: 'The event does not follow the one before it.' },
    TRUNCATED: { description: 'The log ends before a signed checkpoint: its tail was cut.' },
    UNREADABLE: { description: 'The event could not be read.' },
  },
});

export const CATALOG_AUDIT_PROBLEM: Readonly<Record<BrokenLink['problem'], CatalogAuditProblem>> = {
  edited: CatalogAuditProblem.EDITED,
  missing: CatalogAuditProblem.MISSING,
  'inserted-or-reordered': CatalogAuditProblem.INSERTED_OR_REORDERED,
  truncated: CatalogAuditProblem.TRUNCATED,
  unreadable: CatalogAuditProblem.UNREADABLE,
};

@ObjectType({ description: 'The last event checked.', simpleResolvers: true })
export class CatalogAuditHead {
  @Field(() => CatalogAuditPosition, { description: '0 for an empty log.' })
  position!: number;

  @Field(() => String, { description: 'Its link (HMAC-SHA-256, hex).' })
  hash!: string;
}

@ObjectType({
  description: 'The signed checkpoints kept outside the database.',
  simpleResolvers: true,
})
export class CatalogAuditCheckpoints {
  @Field(() => Int, { description: 'Authentic checkpoints compared with the chain.' })
  checked!: number;

  @Field(() => Int, { description: 'Lines that are not authentic checkpoints (forged, damaged).' })
  rejected!: number;

  @Field(() => CatalogAuditPosition, {
    nullable: true,
    description: 'The highest position a checkpoint saw; null: none yet.',
  })
  latest!: number | null;
}

@ObjectType({ description: 'The first broken link of the audit chain.', simpleResolvers: true })
export class CatalogAuditBrokenLink {
  @Field(() => CatalogAuditPosition)
  position!: number;

  @Field(() => CatalogAuditProblem)
  problem!: CatalogAuditProblem;

  @Field(() => String)
  detail!: string;
}

/** The answer of `verifyAuditLog` (SPEC §7: "a verify query/command detects any edited,
 * removed, inserted, reordered or truncated event"). */
@ObjectType({
  description: 'The audit chain, verified from its first event.',
  simpleResolvers: true,
})
export class CatalogAuditVerification {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => CatalogAuditPosition, { description: 'Events whose links were checked.' })
  events!: number;

  @Field(() => CatalogAuditHead)
  head!: CatalogAuditHead;

  @Field(() => CatalogAuditCheckpoints)
  checkpoints!: CatalogAuditCheckpoints;

  @Field(() => CatalogAuditBrokenLink, { nullable: true, description: 'Null when ok.' })
  broken!: CatalogAuditBrokenLink | null;
}

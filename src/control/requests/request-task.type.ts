import 'reflect-metadata';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CatalogDateTime } from './catalog-date-time.scalar';
import { CatalogJSON } from './catalog-json.scalar';
import { CatalogTaskStatus } from './task-status.enum';

/** A request's work in one source (SPEC §6: per-source task state, persisted so work
 * resumes), as the store's durable task table holds it. */
@ObjectType({ description: "A rights request's work in one source.", simpleResolvers: true })
export class CatalogRequestTask {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'What the task does (collect, erase, verify…).' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The system it works in; null for work on the request as a whole.',
  })
  system!: string | null;

  @Field(() => CatalogTaskStatus)
  status!: CatalogTaskStatus;

  @Field(() => Int, { description: 'Times a worker claimed it.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => CatalogJSON, { nullable: true, description: 'What it did, counted.' })
  result!: unknown;

  @Field(() => CatalogDateTime, { nullable: true })
  startedAt!: Date | null;

  @Field(() => CatalogDateTime, { nullable: true })
  finishedAt!: Date | null;
}

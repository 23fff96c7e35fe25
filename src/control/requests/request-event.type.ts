import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { CatalogDateTime } from './catalog-date-time.scalar';
import { CatalogJSON } from './catalog-json.scalar';

/** One line of a request's history (created, approved, task claimed/done/failed, package
 * downloaded…), appended, never rewritten. */
@ObjectType({ description: 'One event of a rights request’s history.', simpleResolvers: true })
export class CatalogRequestEvent {
  @Field(() => CatalogDateTime)
  at!: Date;

  @Field(() => String)
  event!: string;

  @Field(() => String, { description: 'Who acted: a token subject or a worker id.' })
  actor!: string;

  @Field(() => ID, { nullable: true, description: 'The task it is about, if any.' })
  taskId!: string | null;

  @Field(() => CatalogJSON)
  detail!: unknown;
}

import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { CatalogIdentityFormat } from './identity-format.enum';

/** A key a data subject can be found by (SPEC §2, §5). `fields` is a back-link, resolved
 * in `identity-kind.resolver.ts` (see `catalog-links.ts`). */
@ObjectType({ description: 'A key a data subject can be found by.', simpleResolvers: true })
export class CatalogIdentityKind {
  @Field(() => String)
  name!: string;

  @Field(() => CatalogIdentityFormat)
  format!: CatalogIdentityFormat;

  @Field(() => Boolean, {
    description: 'A shared kind (a device, an IP) locates rows but never seeds further lookups.',
  })
  shared!: boolean;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

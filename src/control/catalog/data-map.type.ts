import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { CatalogCategory } from './category.type';
import { CatalogIdentityKind } from './identity-kind.type';
import { CatalogLegalBasis } from './legal-basis.type';
import { CatalogOrganization } from './organization.type';
import { CatalogPurpose } from './purpose.type';
import { CatalogSystem } from './system.type';

/** The validated data map the gateway runs on (SPEC §3): the catalogue of which system holds
 * which personal data, about whom, for what purpose. It names data, never holds any. */
@ObjectType({
  description: 'The data map the gateway runs on: a catalogue, with no personal values.',
  simpleResolvers: true,
})
export class CatalogDataMap {
  @Field(() => Int, { description: 'The data-map format version.' })
  version!: number;

  @Field(() => String, {
    description: "sha256 of the map's reviewed file: the version decisions and audit events name.",
  })
  contentHash!: string;

  @Field(() => CatalogOrganization)
  organization!: CatalogOrganization;

  @Field(() => [CatalogSystem], {
    description: 'Every system, queryable or catalogue-only, in map order.',
  })
  systems!: CatalogSystem[];

  @Field(() => [CatalogIdentityKind])
  identities!: CatalogIdentityKind[];

  @Field(() => [CatalogCategory], {
    description: "The built-in taxonomy plus the map's extensions.",
  })
  categories!: CatalogCategory[];

  @Field(() => [CatalogPurpose])
  purposes!: CatalogPurpose[];

  @Field(() => [CatalogLegalBasis])
  legalBases!: CatalogLegalBasis[];
}

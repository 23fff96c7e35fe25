import { registerEnumType } from 'type-graphql';
import type { FieldErasure } from '../../core/datamap/model';

/** How a field is rewritten when its row must survive an erasure (SPEC §6). GraphQL enum
 * values cannot be `null` (spec §2.9.6), so the map's lowercase words become upper case. */
export enum CatalogFieldErasure {
  NULL = 'null',
  MASK = 'mask',
  HASH = 'hash',
  RANDOM = 'random',
}

registerEnumType(CatalogFieldErasure, {
  name: 'CatalogFieldErasure',
  description:
    "How a field is rewritten when its row must survive an erasure (the map's field `erasure`).",
});

export const CATALOG_FIELD_ERASURE: Readonly<Record<FieldErasure, CatalogFieldErasure>> = {
  null: CatalogFieldErasure.NULL,
  mask: CatalogFieldErasure.MASK,
  hash: CatalogFieldErasure.HASH,
  random: CatalogFieldErasure.RANDOM,
};

import { registerEnumType } from 'type-graphql';
import type { CollectionDef } from '../../core/datamap/model';

/** What an erasure does to a collection's rows (SPEC §6). */
export enum CatalogErasureMode {
  DELETE = 'delete',
  REWRITE = 'rewrite',
}

registerEnumType(CatalogErasureMode, {
  name: 'CatalogErasureMode',
  description: "What an erasure does to a collection's rows (the map's `erasure`).",
  valuesConfig: {
    DELETE: { description: 'The row is deleted.' },
    REWRITE: {
      description:
        "The row must survive: its personal fields are rewritten by each field's strategy.",
    },
  },
});

export const CATALOG_ERASURE_MODE: Readonly<Record<CollectionDef['erasure'], CatalogErasureMode>> =
  {
    delete: CatalogErasureMode.DELETE,
    rewrite: CatalogErasureMode.REWRITE,
  };

import { registerEnumType } from 'type-graphql';
import type { ReferenceFollow } from '../../core/datamap/model';

/** Which way the traversal follows a reference (see `ReferenceFollow` in the core model). */
export enum CatalogReferenceFollow {
  DOWN = 'down',
  UP = 'up',
  BOTH = 'both',
  NONE = 'none',
}

registerEnumType(CatalogReferenceFollow, {
  name: 'CatalogReferenceFollow',
  description: "Which way the subject traversal follows a reference (the map's field `follow`).",
  valuesConfig: {
    DOWN: {
      description: "Rows that reference a subject's row belong to that subject (the default).",
    },
    UP: { description: 'The referenced row is shown as a related row, never expanded further.' },
    BOTH: { description: 'Down and up.' },
    NONE: { description: 'Navigation only; the traversal does not follow it.' },
  },
});

export const CATALOG_REFERENCE_FOLLOW: Readonly<Record<ReferenceFollow, CatalogReferenceFollow>> = {
  down: CatalogReferenceFollow.DOWN,
  up: CatalogReferenceFollow.UP,
  both: CatalogReferenceFollow.BOTH,
  none: CatalogReferenceFollow.NONE,
};

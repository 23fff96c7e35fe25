/** Where a model element sits in the YAML, for problems found on the normalised model. */
import type { CollectionAddress, FieldAddress } from './model';

export type MapPath = readonly (string | number)[];

export function systemPath(system: string): MapPath {
  return ['systems', system];
}

export function collectionPath(address: CollectionAddress): MapPath {
  return ['systems', address.system, 'collections', address.collection];
}

export function fieldPath(address: FieldAddress): MapPath {
  return [...collectionPath(address), 'fields', address.field];
}

/**
 * Whole-map checks on a normalised `DataMap` (SPEC §3). Pure and independent of YAML, so a
 * map built in code — a generated benchmark map, a test — is held to the same rules as one
 * loaded from a file. Returns every problem, errors and warnings alike.
 */
import type { DataMapIssue } from './data-map-error';
import type { DataMap } from './model';
import { checkUncategorisedPersonalData } from './personal-data-hints';
import { checkCollections } from './validate-collections';
import { checkEndpoints } from './validate-endpoints';
import { checkFields } from './validate-fields';
import { checkNames } from './validate-names';
import { checkReachability } from './validate-reachability';

export function validateDataMap(map: DataMap): DataMapIssue[] {
  return [
    ...checkNames(map),
    ...checkCollections(map),
    ...checkEndpoints(map),
    ...checkFields(map),
    ...checkReachability(map),
    ...checkUncategorisedPersonalData(map),
  ];
}

/**
 * Names the rest of privgraph builds on: map keys become dotted addresses
 * (`system.collection.field`) and `graphqlName` overrides become schema names verbatim.
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { collectionPath, fieldPath, systemPath } from './map-paths';
import type { MapPath } from './map-paths';
import type { DataMap } from './model';

/** GraphQL spec §2.1.9 (Names). */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function checkKey(kind: string, key: string, path: MapPath): DataMapIssue[] {
  if (key.length === 0)
    return [issue(path, `a ${kind} has an empty name`, `give the ${kind} a name`)];
  if (!key.includes('.')) return [];
  return [
    issue(
      path,
      `${kind} name '${key}' must not contain '.'`,
      `addresses are dotted (system.collection.field); write ${key.replaceAll('.', '_')} and set table/column if the source name has a dot`,
    ),
  ];
}

function checkGraphqlName(name: string | undefined, path: MapPath): DataMapIssue[] {
  if (name === undefined) return [];
  const at = [...path, 'graphqlName'];
  if (!GRAPHQL_NAME.test(name)) {
    return [
      issue(
        at,
        `graphqlName '${name}' is not a GraphQL name`,
        'use letters, digits and _, not starting with a digit (GraphQL spec §2.1.9)',
      ),
    ];
  }
  if (name.startsWith('__')) {
    return [
      issue(
        at,
        `graphqlName '${name}' starts with '__'`,
        'names starting with __ are reserved for introspection (GraphQL spec §2.1.9)',
      ),
    ];
  }
  return [];
}

export function checkNames(map: DataMap): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  for (const system of map.systems) {
    issues.push(...checkKey('system', system.key, systemPath(system.key)));
    issues.push(...checkGraphqlName(system.graphqlName, systemPath(system.key)));
    for (const collection of system.collections) {
      issues.push(...checkKey('collection', collection.key, collectionPath(collection.address)));
      issues.push(...checkGraphqlName(collection.graphqlName, collectionPath(collection.address)));
      for (const field of collection.fields) {
        issues.push(...checkKey('field', field.key, fieldPath(field.address)));
        issues.push(...checkGraphqlName(field.graphqlName, fieldPath(field.address)));
      }
    }
  }
  return issues;
}

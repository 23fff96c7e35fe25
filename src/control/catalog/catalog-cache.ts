/**
 * One catalogue projection per map version. Keyed weakly by the `DataMap` object (a reload
 * makes a new one, and the old projection goes with it); the subject graph is part of the
 * key because the catalogue names its types.
 */
import type { DataMap } from '../../core/datamap/model';
import type { GraphModel } from '../../graph/graph-model';
import type { ControlContext } from '../control-context';
import type { CatalogProjection } from './project-catalog';
import { projectCatalog } from './project-catalog';

const projections = new WeakMap<
  DataMap,
  { readonly graph?: GraphModel; readonly projection: CatalogProjection }
>();

export function catalogOf(control: ControlContext): CatalogProjection {
  const cached = projections.get(control.dataMap);
  if (cached && cached.graph === control.subjectGraph) return cached.projection;
  const projection = projectCatalog(control.dataMap, control.subjectGraph);
  projections.set(control.dataMap, { graph: control.subjectGraph, projection });
  return projection;
}
